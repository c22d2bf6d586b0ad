#include "domain/evidence.h"

#include <cstdint>
#include <string>

#include "common/format.h"
#include "common/utf8.h"

namespace nq {
namespace {

constexpr EvidenceType kAllTypes[] = {EvidenceType::kPdf, EvidenceType::kDocx, EvidenceType::kXlsx,
                                      EvidenceType::kPng, EvidenceType::kJpeg};

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && EqualsIgnoreCaseAscii(s.substr(s.size() - suffix.size()), suffix);
}

// ---- ZIP (APPNOTE.TXT 4.3): only the central directory is read ----

constexpr std::string_view kLocalHeaderSig("PK\x03\x04", 4);
constexpr std::string_view kCentralHeaderSig("PK\x01\x02", 4);
constexpr std::string_view kEndRecordSig("PK\x05\x06", 4);
constexpr size_t kLocalHeaderSize = 30;
constexpr size_t kCentralHeaderSize = 46;
constexpr size_t kEndRecordSize = 22;

// Little-endian fields; the caller has checked that they lie inside b.
uint32_t U16(std::string_view b, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8;
}
uint32_t U32(std::string_view b, size_t at) { return U16(b, at) | U16(b, at + 2) << 16; }

// What a DOCX or XLSX is told apart by.
struct ZipListing {
  bool content_types = false;  // [Content_Types].xml
  bool document = false;       // word/document.xml
  bool workbook = false;       // xl/workbook.xml
  bool macros = false;         // a vbaProject.bin
};

// Where the end-of-central-directory record starts: the last signature whose comment ends
// exactly at the end of the buffer (the comment is at most 64 KiB); npos when there is none.
size_t FindEndRecord(std::string_view b) {
  if (b.size() < kEndRecordSize) return std::string_view::npos;
  const size_t last = b.size() - kEndRecordSize;
  const size_t first = last > 0xFFFF ? last - 0xFFFF : 0;
  for (size_t pos = last + 1; pos-- > first;) {
    if (b.substr(pos, 4) == kEndRecordSig && pos + kEndRecordSize + U16(b, pos + 20) == b.size()) {
      return pos;
    }
  }
  return std::string_view::npos;
}

// The names the central directory lists; nullopt when the directory cannot be read whole.
std::optional<ZipListing> ReadZipListing(std::string_view b) {
  const size_t end = FindEndRecord(b);
  if (end == std::string_view::npos) return std::nullopt;
  const uint32_t disk = U16(b, end + 4);
  const uint32_t dir_disk = U16(b, end + 6);
  const uint32_t entries_here = U16(b, end + 8);
  const uint32_t entries = U16(b, end + 10);
  const size_t dir_size = U32(b, end + 12);
  const size_t dir_offset = U32(b, end + 16);
  // Split archives and ZIP64 (whose fields here are all ones) are not what Office writes for
  // files of a few megabytes.
  if (disk != 0 || dir_disk != 0 || entries_here != entries || entries == 0xFFFF ||
      dir_size == 0xFFFFFFFF || dir_offset == 0xFFFFFFFF) {
    return std::nullopt;
  }
  if (dir_size > end || dir_offset > end - dir_size) return std::nullopt;
  const std::string_view dir = b.substr(dir_offset, dir_size);
  ZipListing out;
  size_t p = 0;
  for (uint32_t i = 0; i < entries; ++i) {
    if (dir.size() - p < kCentralHeaderSize || dir.substr(p, 4) != kCentralHeaderSig) {
      return std::nullopt;
    }
    const size_t name_len = U16(dir, p + 28);
    const size_t rest = name_len + U16(dir, p + 30) + U16(dir, p + 32);  // + extra + comment
    const size_t local = U32(dir, p + 42);
    if (dir.size() - p - kCentralHeaderSize < rest) return std::nullopt;
    // The entry's data must come before the directory and start with a local header.
    if (local > dir_offset || dir_offset - local < kLocalHeaderSize ||
        b.substr(local, 4) != kLocalHeaderSig) {
      return std::nullopt;
    }
    const std::string_view name = dir.substr(p + kCentralHeaderSize, name_len);
    out.content_types |= EqualsIgnoreCaseAscii(name, "[Content_Types].xml");
    out.document |= EqualsIgnoreCaseAscii(name, "word/document.xml");
    out.workbook |= EqualsIgnoreCaseAscii(name, "xl/workbook.xml");
    out.macros |= EndsWithNoCase(name, "vbaProject.bin");
    p += kCentralHeaderSize + rest;
  }
  return out;
}

std::optional<EvidenceType> SniffOffice(std::string_view b) {
  const std::optional<ZipListing> z = ReadZipListing(b);
  if (!z || !z->content_types || z->macros || z->document == z->workbook) return std::nullopt;
  return z->document ? EvidenceType::kDocx : EvidenceType::kXlsx;
}

// ---- file names ----

constexpr size_t kShownCodePoints = 60;

// Length of the UTF-8 sequence a lead byte starts (the text is known to be valid).
size_t Utf8LeadLength(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// A control character (C0, DEL, C1) or a bidirectional formatting character, which could make
// "exe.pdf" show as something else (U+202A..U+202E, U+2066..U+2069).
bool IsControl(std::string_view seq) {
  const auto b = [&](size_t i) { return static_cast<unsigned char>(seq[i]); };
  if (seq.size() == 1) return b(0) < 0x20 || b(0) == 0x7F;
  if (seq.size() == 2) return b(0) == 0xC2 && b(1) <= 0x9F;
  if (seq.size() == 3 && b(0) == 0xE2 && b(1) == 0x80) return b(2) >= 0xAA && b(2) <= 0xAE;
  if (seq.size() == 3 && b(0) == 0xE2 && b(1) == 0x81) return b(2) >= 0xA6 && b(2) <= 0xA9;
  return false;
}

// The name as a message may show it: controls and invalid bytes as '?', shortened with "…".
std::string Shown(std::string_view name) {
  const bool utf8 = IsValidUtf8(name);
  std::string out;
  size_t count = 0;
  for (size_t i = 0; i < name.size(); ++count) {
    if (count == kShownCodePoints) return out + "…";
    const auto lead = static_cast<unsigned char>(name[i]);
    const size_t len = utf8 ? Utf8LeadLength(lead) : 1;
    const std::string_view seq = name.substr(i, len);
    out += (IsControl(seq) || (!utf8 && lead >= 0x80)) ? std::string_view("?") : seq;
    i += len;
  }
  return out;
}

// What is wrong with the name, as a message; nullopt when it is fine.
std::optional<std::string> NameProblem(std::string_view name) {
  if (Trim(name).empty()) return "Tên tệp không được để trống";
  const std::string quoted = "Tên tệp '" + Shown(name) + "'";
  if (!IsValidUtf8(name)) return quoted + " không hợp lệ (không phải văn bản UTF-8)";
  if (CodePointCount(name) > kMaxEvidenceNameLength) {
    return quoted + " dài quá " + std::to_string(kMaxEvidenceNameLength) + " ký tự";
  }
  if (name == "." || name == "..") return quoted + " không hợp lệ";
  for (size_t i = 0; i < name.size();) {
    const std::string_view seq =
        name.substr(i, Utf8LeadLength(static_cast<unsigned char>(name[i])));
    if (seq == "/" || seq == "\\" || IsControl(seq)) {
      return quoted + " không hợp lệ (chứa ký tự /, \\ hoặc ký tự điều khiển)";
    }
    i += seq.size();
  }
  return std::nullopt;
}

// "PDF", "DOCX", ...: the code in capitals, as people name the formats.
std::string FormatName(EvidenceType t) {
  std::string s = EvidenceTypeCode(t);
  for (char& c : s) c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// Megabytes (MiB) rounded up to one decimal, in Vietnamese: 9961472 -> "9,5".
std::string Megabytes(size_t bytes) {
  constexpr size_t kMiB = size_t{1024} * 1024;
  const size_t tenths = (bytes / kMiB) * 10 + ((bytes % kMiB) * 10 + kMiB - 1) / kMiB;
  return FormatNumberVi(static_cast<double>(tenths) / 10, 1);
}

}  // namespace

const char* EvidenceTypeCode(EvidenceType t) {
  switch (t) {
    case EvidenceType::kPdf: return "pdf";
    case EvidenceType::kDocx: return "docx";
    case EvidenceType::kXlsx: return "xlsx";
    case EvidenceType::kPng: return "png";
    case EvidenceType::kJpeg: return "jpeg";
  }
  return "pdf";
}

const char* EvidenceTypeLabel(EvidenceType t) {
  switch (t) {
    case EvidenceType::kPdf: return "PDF";
    case EvidenceType::kDocx: return "Word (DOCX)";
    case EvidenceType::kXlsx: return "Excel (XLSX)";
    case EvidenceType::kPng: return "Ảnh PNG";
    case EvidenceType::kJpeg: return "Ảnh JPEG";
  }
  return "PDF";
}

const char* EvidenceContentType(EvidenceType t) {
  switch (t) {
    case EvidenceType::kPdf: return "application/pdf";
    case EvidenceType::kDocx:
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case EvidenceType::kXlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case EvidenceType::kPng: return "image/png";
    case EvidenceType::kJpeg: return "image/jpeg";
  }
  return "application/octet-stream";
}

std::optional<EvidenceType> ParseEvidenceType(std::string_view code) {
  for (EvidenceType t : kAllTypes) {
    if (code == EvidenceTypeCode(t)) return t;
  }
  return std::nullopt;
}

std::optional<EvidenceType> SniffEvidenceType(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return EvidenceType::kPdf;
  if (bytes.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8))) return EvidenceType::kPng;
  if (bytes.starts_with("\xFF\xD8\xFF")) return EvidenceType::kJpeg;
  if (bytes.starts_with(kLocalHeaderSig)) return SniffOffice(bytes);
  return std::nullopt;
}

std::optional<EvidenceType> TypeFromFileName(std::string_view name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  const std::string_view ext = name.substr(dot + 1);
  if (EqualsIgnoreCaseAscii(ext, "jpg")) return EvidenceType::kJpeg;
  for (EvidenceType t : kAllTypes) {
    if (EqualsIgnoreCaseAscii(ext, EvidenceTypeCode(t))) return t;
  }
  return std::nullopt;
}

Result<EvidenceType> CheckEvidence(std::string_view file_name, std::string_view bytes) {
  if (std::optional<std::string> problem = NameProblem(file_name)) {
    return Status::Invalid("evidence.name_invalid", std::move(*problem));
  }
  const std::string shown = "'" + Shown(file_name) + "'";
  const std::string file = "Tệp " + shown;
  if (bytes.empty()) return Status::Invalid("evidence.empty", file + " rỗng (0 byte)");
  if (bytes.size() > kMaxEvidenceBytes) {
    return Status::Invalid("evidence.too_large", file + " dung lượng " + Megabytes(bytes.size()) +
                                                     " MB, vượt giới hạn " +
                                                     Megabytes(kMaxEvidenceBytes) + " MB");
  }
  const std::optional<EvidenceType> claimed = TypeFromFileName(file_name);
  if (!claimed) {
    std::string accepted;
    for (EvidenceType t : kAllTypes) accepted += (accepted.empty() ? "" : ", ") + FormatName(t);
    return Status::Invalid("evidence.type_unsupported",
                           "Không nhận tệp " + shown + ": chỉ nhận tệp " + accepted);
  }
  if (SniffEvidenceType(bytes) != claimed) {
    return Status::Invalid("evidence.type_mismatch",
                           file + " không phải tệp " + FormatName(*claimed) +
                               " thật (nội dung không khớp phần mở rộng)");
  }
  return *claimed;
}

}  // namespace nq
