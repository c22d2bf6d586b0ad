// Minh chứng: evidence files attached to a progress update of an assigned task (task_update.h,
// issue 4) — PDF, Word (DOCX), Excel (XLSX), PNG and JPEG images.
//
// A file is judged by its content, never by its name alone: SniffEvidenceType reads the bytes,
// CheckEvidence also requires them to agree with the extension, so that an executable or an
// HTML page renamed "bao-cao.pdf" is refused and a file is always served with the content type
// of what it really is. The limit per file is kMaxEvidenceBytes.
//
// Pure functions over bytes in memory; no I/O. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace nq {

enum class EvidenceType { kPdf, kDocx, kXlsx, kPng, kJpeg };
// "pdf", "docx", "xlsx", "png", "jpeg": the code stored and used in the API.
const char* EvidenceTypeCode(EvidenceType t);
// "PDF", "Word (DOCX)", "Excel (XLSX)", "Ảnh PNG", "Ảnh JPEG"
const char* EvidenceTypeLabel(EvidenceType t);
// The MIME type to serve the file with: application/pdf,
// application/vnd.openxmlformats-officedocument.wordprocessingml.document (DOCX),
// application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (XLSX), image/png, image/jpeg.
const char* EvidenceContentType(EvidenceType t);
// The type with this code (exact, lower case); nullopt for anything else.
std::optional<EvidenceType> ParseEvidenceType(std::string_view code);

// Largest evidence file accepted: 8 MiB.
inline constexpr size_t kMaxEvidenceBytes = size_t{8} * 1024 * 1024;
// Longest file name accepted, in code points.
inline constexpr size_t kMaxEvidenceNameLength = 255;

// What the bytes are, judged by content only:
//   PDF   "%PDF-" at the start;
//   PNG   the 8-byte signature 89 50 4E 47 0D 0A 1A 0A;
//   JPEG  FF D8 FF at the start;
//   DOCX / XLSX  a ZIP archive (a local file header "PK\3\4" at the start) whose central
//         directory lists "[Content_Types].xml" and "word/document.xml" (DOCX) or
//         "xl/workbook.xml" (XLSX). The directory is found through the end-of-central-directory
//         record: the last one whose comment ends exactly at the end of the bytes. Entry names
//         compare ASCII case-insensitively, as OPC part names do. Every read is bounds-checked.
//         Not DOCX / XLSX: a truncated or corrupt directory (each entry must also point at a
//         local header before the directory), bytes after the end record, a multi-disk or ZIP64
//         archive, an archive listing both main parts, or one holding macros (a
//         "vbaProject.bin" entry, as .docm and .xlsm files have).
// nullopt for anything else: other ZIP archives, legacy .doc / .xls, executables, HTML, text,
// empty input. Never reads outside `bytes`; linear in its size.
std::optional<EvidenceType> SniffEvidenceType(std::string_view bytes);

// The type a file name claims by its extension (after the last '.'), case-insensitive: .pdf,
// .docx, .xlsx, .png, .jpg and .jpeg; nullopt for any other extension, a name without one, or
// a name that is only an extension (".pdf").
std::optional<EvidenceType> TypeFromFileName(std::string_view name);

// Checks an uploaded evidence file — its name without any directory part, and its bytes — and
// returns its type. Checks run in this order; each error is Invalid with a Vietnamese message
// naming the file (control characters and invalid bytes shown as '?', long names shortened):
//   evidence.name_invalid      blank, not UTF-8, over kMaxEvidenceNameLength code points, holds
//                              '/', '\\' or a control character (C0, DEL, C1), or is "." / ".."
//   evidence.empty             zero bytes
//   evidence.too_large         over kMaxEvidenceBytes ("... dung lượng 9,5 MB, vượt giới hạn
//                              8 MB"; the size is rounded up to 0,1 MB so it never reads as the
//                              limit itself)
//   evidence.type_unsupported  the extension is not one TypeFromFileName accepts
//   evidence.type_mismatch     SniffEvidenceType finds another type than the extension claims,
//                              or none
Result<EvidenceType> CheckEvidence(std::string_view file_name, std::string_view bytes);

// An evidence file (minh chứng) of a task's progress update, as listed (the bytes are read
// separately).
struct EvidenceInfo {
  int64_t id = 0;
  int64_t task_id = 0;
  int64_t update_id = 0;
  std::string file_name;  // as uploaded, without any directory part
  EvidenceType type = EvidenceType::kPdf;  // judged by content
  int64_t size = 0;                        // bytes
  std::string sha256;                      // hex, of the bytes
  bool operator==(const EvidenceInfo&) const = default;
};

// An evidence file with its bytes, as stored.
struct EvidenceFile {
  EvidenceInfo info;
  std::string bytes;
};

}  // namespace nq
