#include "domain/evidence.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nq::evidence_test {
namespace {

// ---- real minimal files, built here ----

const std::string kPdf =
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    "trailer << /Root 1 0 R >>\n%%EOF\n";
// PNG signature and the start of an IHDR chunk.
const std::string kPng("\x89PNG\r\n\x1a\n\0\0\0\x0DIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0", 29);
// JPEG SOI and a JFIF APP0 segment.
const std::string kJpeg("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xFF\xD9", 22);
const std::string kHtml = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>";
const std::string kExe(
    "MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0This program cannot be run in DOS mode", 54);
// An OLE compound file: a legacy .doc or .xls.
const std::string kOleDoc("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0", 16);

std::string Le16(uint32_t v) {
  return {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF)};
}
std::string Le32(uint32_t v) { return Le16(v & 0xFFFF) + Le16(v >> 16); }

uint32_t Crc32(const std::string& s) {
  uint32_t crc = 0xFFFFFFFF;
  for (char ch : s) {
    crc ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320 & (0 - (crc & 1)));
  }
  return ~crc;
}

struct ZipEntry {
  std::string name;
  std::string data;
};

// A ZIP archive with stored (uncompressed) entries and a correct central directory.
std::string BuildZip(const std::vector<ZipEntry>& entries, const std::string& comment = "") {
  std::string out;
  std::string dir;
  for (const ZipEntry& e : entries) {
    const auto offset = static_cast<uint32_t>(out.size());
    const auto size = static_cast<uint32_t>(e.data.size());
    const auto name_len = static_cast<uint32_t>(e.name.size());
    // version, flags, method (stored), time, date, CRC-32, sizes
    const std::string common = Le16(20) + Le16(0) + Le16(0) + Le16(0) + Le16(0x5B21) +
                               Le32(Crc32(e.data)) + Le32(size) + Le32(size);
    out += std::string("PK\x03\x04", 4) + common + Le16(name_len) + Le16(0) + e.name + e.data;
    dir += std::string("PK\x01\x02", 4) + Le16(20) + common + Le16(name_len) + Le16(0) + Le16(0) +
           Le16(0) + Le16(0) + Le32(0) + Le32(offset) + e.name;
  }
  const auto count = static_cast<uint32_t>(entries.size());
  const auto dir_offset = static_cast<uint32_t>(out.size());
  return out + dir + std::string("PK\x05\x06", 4) + Le16(0) + Le16(0) + Le16(count) + Le16(count) +
         Le32(static_cast<uint32_t>(dir.size())) + Le32(dir_offset) +
         Le16(static_cast<uint32_t>(comment.size())) + comment;
}

const ZipEntry kContentTypes{"[Content_Types].xml",
                             "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats."
                             "org/package/2006/content-types\"/>"};
const ZipEntry kRels{"_rels/.rels", "<Relationships/>"};
const ZipEntry kDocument{"word/document.xml", "<w:document><w:body/></w:document>"};
const ZipEntry kWorkbook{"xl/workbook.xml", "<workbook><sheets/></workbook>"};
const ZipEntry kSheet{"xl/worksheets/sheet1.xml", "<worksheet/>"};

std::string Docx() { return BuildZip({kContentTypes, kRels, kDocument}); }
std::string Xlsx() { return BuildZip({kContentTypes, kRels, kWorkbook, kSheet}); }
std::string PlainZip() { return BuildZip({{"hello.txt", "xin chào"}, {"a/b.txt", "b"}}); }

// Where the central directory of a BuildZip archive without comment starts.
size_t DirOffset(const std::string& zip) {
  const std::string end = zip.substr(zip.size() - 22);
  return static_cast<unsigned char>(end[16]) | static_cast<unsigned char>(end[17]) << 8;
}

std::optional<EvidenceType> Sniff(const std::string& s) { return SniffEvidenceType(s); }

// ---- codes ----

TEST(EvidenceTest, CodesLabelsAndContentTypes) {
  const std::vector<EvidenceType> all = {EvidenceType::kPdf, EvidenceType::kDocx,
                                         EvidenceType::kXlsx, EvidenceType::kPng,
                                         EvidenceType::kJpeg};
  const std::vector<std::string> codes = {"pdf", "docx", "xlsx", "png", "jpeg"};
  const std::vector<std::string> labels = {"PDF", "Word (DOCX)", "Excel (XLSX)", "Ảnh PNG",
                                           "Ảnh JPEG"};
  const std::vector<std::string> mime = {
      "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png",
      "image/jpeg"};
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(EvidenceTypeCode(all[i]), codes[i]);
    EXPECT_EQ(EvidenceTypeLabel(all[i]), labels[i]);
    EXPECT_EQ(EvidenceContentType(all[i]), mime[i]);
    EXPECT_EQ(ParseEvidenceType(codes[i]), all[i]);
  }
  for (const char* bad : {"", "PDF", "jpg", "doc", "pdf ", "image/png"}) {
    EXPECT_EQ(ParseEvidenceType(bad), std::nullopt) << bad;
  }
}

// ---- sniffing ----

TEST(EvidenceTest, SniffsEachTypeByContent) {
  EXPECT_EQ(Sniff(kPdf), EvidenceType::kPdf);
  EXPECT_EQ(Sniff(kPng), EvidenceType::kPng);
  EXPECT_EQ(Sniff(kJpeg), EvidenceType::kJpeg);
  EXPECT_EQ(Sniff(Docx()), EvidenceType::kDocx);
  EXPECT_EQ(Sniff(Xlsx()), EvidenceType::kXlsx);
  // Only the signatures count: the shortest inputs that have them.
  EXPECT_EQ(Sniff("%PDF-"), EvidenceType::kPdf);
  EXPECT_EQ(Sniff(kPng.substr(0, 8)), EvidenceType::kPng);
  EXPECT_EQ(Sniff("\xFF\xD8\xFF"), EvidenceType::kJpeg);
}

TEST(EvidenceTest, SniffsNothingElse) {
  EXPECT_EQ(Sniff(""), std::nullopt);
  EXPECT_EQ(Sniff(kHtml), std::nullopt);
  EXPECT_EQ(Sniff(kExe), std::nullopt);
  EXPECT_EQ(Sniff(kOleDoc), std::nullopt);
  EXPECT_EQ(Sniff("Báo cáo tiến độ quý 3"), std::nullopt);
  EXPECT_EQ(Sniff("%PDF"), std::nullopt);
  EXPECT_EQ(Sniff(" %PDF-1.4"), std::nullopt);  // at the start only
  EXPECT_EQ(Sniff("%pdf-1.4"), std::nullopt);
  EXPECT_EQ(Sniff(kPng.substr(0, 7)), std::nullopt);
  EXPECT_EQ(Sniff("\xFF\xD8"), std::nullopt);
  EXPECT_EQ(Sniff(std::string("GIF89a\x01\0\x01\0", 10)), std::nullopt);
  EXPECT_EQ(Sniff("PK\x03\x04"), std::nullopt);
}

TEST(EvidenceTest, ZipNeedsContentTypesAndExactlyOneMainPart) {
  EXPECT_EQ(Sniff(PlainZip()), std::nullopt);
  EXPECT_EQ(Sniff(BuildZip({})), std::nullopt);
  EXPECT_EQ(Sniff(BuildZip({kDocument})), std::nullopt);  // no [Content_Types].xml
  EXPECT_EQ(Sniff(BuildZip({kWorkbook})), std::nullopt);
  EXPECT_EQ(Sniff(BuildZip({kContentTypes, kRels})), std::nullopt);  // no main part
  EXPECT_EQ(Sniff(BuildZip({kContentTypes, kDocument, kWorkbook})), std::nullopt);
  // An OpenDocument text file is a ZIP too, but not a DOCX.
  EXPECT_EQ(Sniff(BuildZip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                            {"content.xml", "<office:document-content/>"}})),
            std::nullopt);
  // Names that only look alike.
  EXPECT_EQ(Sniff(BuildZip({kContentTypes, {"word/document.xml.bak", "x"}})), std::nullopt);
  EXPECT_EQ(Sniff(BuildZip({kContentTypes, {"xl/workbook.xmlx", "x"}})), std::nullopt);
  EXPECT_EQ(Sniff(BuildZip({{"Content_Types.xml", "x"}, kDocument})), std::nullopt);
}

TEST(EvidenceTest, ZipEntryNamesIgnoreCase) {
  EXPECT_EQ(Sniff(BuildZip({{"[content_types].XML", "x"}, {"Word/Document.xml", "y"}})),
            EvidenceType::kDocx);
  EXPECT_EQ(Sniff(BuildZip({{"[Content_Types].xml", "x"}, {"XL/WORKBOOK.XML", "y"}})),
            EvidenceType::kXlsx);
}

TEST(EvidenceTest, MacroDocumentsAreNotDocxOrXlsx) {
  EXPECT_EQ(Sniff(BuildZip({kContentTypes, kDocument, {"word/vbaProject.bin", "\xD0\xCF"}})),
            std::nullopt);
  EXPECT_EQ(Sniff(BuildZip({kContentTypes, kWorkbook, {"xl/vbaProject.bin", "\xD0\xCF"}})),
            std::nullopt);
}

TEST(EvidenceTest, ZipWithCommentOrDataBeforeTheDirectory) {
  EXPECT_EQ(Sniff(BuildZip({kContentTypes, kDocument}, "Tạo bởi LibreOffice")),
            EvidenceType::kDocx);
  // A comment ending in an end record of its own (of an empty archive) is taken for the real
  // one, which is the safe way to be wrong. Elsewhere in the comment it is skipped: its own
  // comment length does not reach the end. Data after the comment is refused.
  const std::string fake_end = std::string("PK\x05\x06", 4) + std::string(18, '\0');
  EXPECT_EQ(Sniff(BuildZip({kContentTypes, kWorkbook}, fake_end)), std::nullopt);
  EXPECT_EQ(Sniff(BuildZip({kContentTypes, kWorkbook}, fake_end + "x")), EvidenceType::kXlsx);
  std::string trailing = Xlsx() + "x";
  EXPECT_EQ(Sniff(trailing), std::nullopt);
}

TEST(EvidenceTest, EveryTruncationOfAnOfficeFileIsRejected) {
  for (const std::string& zip : {Docx(), Xlsx()}) {
    for (size_t n = 0; n < zip.size(); ++n) {
      const std::string prefix = zip.substr(0, n);  // a copy, so ASan sees reads past the end
      EXPECT_EQ(SniffEvidenceType(prefix), std::nullopt) << "prefix of " << n;
    }
  }
}

TEST(EvidenceTest, CorruptDirectoryFieldsAreRejected) {
  const std::string docx = Docx();
  const size_t end = docx.size() - 22;
  const size_t dir = DirOffset(docx);
  auto patched = [&](size_t at, const std::string& bytes) {
    std::string z = docx;
    z.replace(at, bytes.size(), bytes);
    return z;
  };
  EXPECT_EQ(Sniff(patched(end + 8, Le16(4) + Le16(4))), std::nullopt);  // more entries than listed
  EXPECT_EQ(Sniff(patched(end + 8, Le16(3) + Le16(2))), std::nullopt);  // counts disagree
  EXPECT_EQ(Sniff(patched(end + 4, Le16(1))), std::nullopt);            // another disk
  EXPECT_EQ(Sniff(patched(end + 8, Le16(0xFFFF) + Le16(0xFFFF))), std::nullopt);  // ZIP64
  EXPECT_EQ(Sniff(patched(end + 12, Le32(0xFFFFFFFF))), std::nullopt);            // size
  EXPECT_EQ(Sniff(patched(end + 16, Le32(0xFFFFFFFF))), std::nullopt);            // offset
  EXPECT_EQ(Sniff(patched(end + 16, Le32(static_cast<uint32_t>(end)))), std::nullopt);
  EXPECT_EQ(Sniff(patched(end + 16, Le32(static_cast<uint32_t>(dir + 1)))), std::nullopt);
  EXPECT_EQ(Sniff(patched(end + 20, Le16(1))), std::nullopt);           // a comment past the end
  EXPECT_EQ(Sniff(patched(dir, "PK\x01\x03")), std::nullopt);           // bad entry signature
  EXPECT_EQ(Sniff(patched(dir + 28, Le16(0xFFFF))), std::nullopt);      // name past the directory
  EXPECT_EQ(Sniff(patched(dir + 30, Le16(0xFFFF))), std::nullopt);      // extra field likewise
  EXPECT_EQ(Sniff(patched(dir + 32, Le16(0xFFFF))), std::nullopt);      // comment likewise
  EXPECT_EQ(Sniff(patched(dir + 42, Le32(0xFFFFFFF0))), std::nullopt);  // local header outside
  EXPECT_EQ(Sniff(patched(dir + 42, Le32(1))), std::nullopt);           // no local header there
  EXPECT_EQ(Sniff(patched(dir + 42, Le32(static_cast<uint32_t>(dir)))), std::nullopt);
}

TEST(EvidenceTest, EveryByteOfTheDirectoryCorruptedDoesNotCrash) {
  const std::string xlsx = Xlsx();
  for (size_t at = DirOffset(xlsx); at < xlsx.size(); ++at) {
    for (char value : {'\0', '\x01', '\x7F', '\xFF'}) {
      std::string z = xlsx;
      z[at] = value;
      const std::optional<EvidenceType> t = SniffEvidenceType(z);
      EXPECT_TRUE(t == std::nullopt || t == EvidenceType::kXlsx) << "byte " << at;
      (void)CheckEvidence("so-lieu.xlsx", z);
    }
  }
}

// ---- file names ----

TEST(EvidenceTest, TypeFromFileName) {
  EXPECT_EQ(TypeFromFileName("bao-cao.pdf"), EvidenceType::kPdf);
  EXPECT_EQ(TypeFromFileName("BAO-CAO.PDF"), EvidenceType::kPdf);
  EXPECT_EQ(TypeFromFileName("Kế hoạch 15-KH.docx"), EvidenceType::kDocx);
  EXPECT_EQ(TypeFromFileName("so.lieu.quy.3.Xlsx"), EvidenceType::kXlsx);
  EXPECT_EQ(TypeFromFileName("anh.png"), EvidenceType::kPng);
  EXPECT_EQ(TypeFromFileName("anh.jpg"), EvidenceType::kJpeg);
  EXPECT_EQ(TypeFromFileName("anh.JPEG"), EvidenceType::kJpeg);
  for (const char* name : {"", "pdf", ".pdf", "x.", "x.doc", "x.xls", "x.gif", "x.pdf.exe",
                           "x.pdf ", "x.jpe", "x.html", "x_pdf"}) {
    EXPECT_EQ(TypeFromFileName(name), std::nullopt) << name;
  }
}

// ---- CheckEvidence ----

void ExpectError(const Result<EvidenceType>& r, const std::string& key, const std::string& name) {
  ASSERT_FALSE(r.ok()) << "accepted " << name;
  EXPECT_EQ(r.status().code(), Code::kInvalid) << name;
  EXPECT_EQ(r.status().key(), key) << name << ": " << r.status().ToString();
}

TEST(EvidenceTest, AcceptsEachTypeUnderItsName) {
  EXPECT_EQ(CheckEvidence("Báo cáo sơ kết.pdf", kPdf).value(), EvidenceType::kPdf);
  EXPECT_EQ(CheckEvidence("Kế hoạch.DOCX", Docx()).value(), EvidenceType::kDocx);
  EXPECT_EQ(CheckEvidence("so-lieu.xlsx", Xlsx()).value(), EvidenceType::kXlsx);
  EXPECT_EQ(CheckEvidence("anh hop.png", kPng).value(), EvidenceType::kPng);
  EXPECT_EQ(CheckEvidence("anh.jpg", kJpeg).value(), EvidenceType::kJpeg);
  EXPECT_EQ(CheckEvidence("anh.jpeg", kJpeg).value(), EvidenceType::kJpeg);
}

TEST(EvidenceTest, RejectsBadNames) {
  for (const std::string& name : std::vector<std::string>{
           "", "   ", "\t", ".", "..", "a/b.pdf", "../b.pdf", "a\\b.pdf", "a\nb.pdf", "a\rb.pdf",
           std::string("a\0b.pdf", 7), "a\x7F.pdf", "a\xC2\x85.pdf" /* C1 NEL */,
           "\xE2\x80\xAE" + std::string("fdp.exe") /* RLO */, "a\xE2\x81\xA6.pdf" /* LRI */,
           "a\xC3(.pdf", "\xFF.pdf"}) {
    ExpectError(CheckEvidence(name, kPdf), "evidence.name_invalid", name);
  }
  EXPECT_EQ(CheckEvidence("Tên\xE2\x80\x8B.pdf", kPdf).value(), EvidenceType::kPdf);  // ZWSP ok
  EXPECT_EQ(CheckEvidence("...pdf", kPdf).value(), EvidenceType::kPdf);
}

TEST(EvidenceTest, NameLengthLimitCountsCodePoints) {
  std::string name;
  for (int i = 0; i < 251; ++i) name += "ế";             // 3 bytes each
  EXPECT_TRUE(CheckEvidence(name + ".pdf", kPdf).ok());  // 255 code points
  const Result<EvidenceType> r = CheckEvidence(name + "ế.pdf", kPdf);
  ExpectError(r, "evidence.name_invalid", "256 code points");
  EXPECT_NE(r.status().message().find("dài quá 255 ký tự"), std::string::npos);
  // The message shows 60 code points and an ellipsis.
  std::string shown;
  for (int i = 0; i < 60; ++i) shown += "ế";
  EXPECT_EQ(r.status().message(), "Tên tệp '" + shown + "…' dài quá 255 ký tự");
}

TEST(EvidenceTest, NameMessagesShowControlsAsQuestionMarks) {
  EXPECT_EQ(CheckEvidence("a\nb.pdf", kPdf).status().message(),
            "Tên tệp 'a?b.pdf' không hợp lệ (chứa ký tự /, \\ hoặc ký tự điều khiển)");
  EXPECT_EQ(CheckEvidence("bad\xFF\xC3.pdf", kPdf).status().message(),
            "Tên tệp 'bad??.pdf' không hợp lệ (không phải văn bản UTF-8)");
  EXPECT_EQ(CheckEvidence("  ", kPdf).status().message(), "Tên tệp không được để trống");
}

TEST(EvidenceTest, RejectsEmptyFiles) {
  const Result<EvidenceType> r = CheckEvidence("bao-cao.pdf", "");
  ExpectError(r, "evidence.empty", "empty");
  EXPECT_EQ(r.status().message(), "Tệp 'bao-cao.pdf' rỗng (0 byte)");
  ExpectError(CheckEvidence("virus.exe", ""), "evidence.empty", "empty .exe");  // checked first
}

TEST(EvidenceTest, SizeLimit) {
  std::string at_limit = kPdf;
  at_limit.resize(kMaxEvidenceBytes, ' ');
  EXPECT_EQ(CheckEvidence("lon.pdf", at_limit).value(), EvidenceType::kPdf);

  const Result<EvidenceType> just_over = CheckEvidence("lon.pdf", at_limit + " ");
  ExpectError(just_over, "evidence.too_large", "limit + 1");
  // 8 MiB and one byte reads as 8,1 MB (rounded up), never as the limit itself.
  EXPECT_EQ(just_over.status().message(), "Tệp 'lon.pdf' dung lượng 8,1 MB, vượt giới hạn 8 MB");

  std::string big = kPdf;
  big.resize(size_t{19} * 512 * 1024, ' ');  // 9,5 MiB
  EXPECT_EQ(CheckEvidence("x.pdf", big).status().message(),
            "Tệp 'x.pdf' dung lượng 9,5 MB, vượt giới hạn 8 MB");
  big.resize(size_t{12} * 1024 * 1024, ' ');
  EXPECT_EQ(CheckEvidence("x.pdf", big).status().message(),
            "Tệp 'x.pdf' dung lượng 12 MB, vượt giới hạn 8 MB");
}

TEST(EvidenceTest, RejectsUnsupportedExtensions) {
  for (const char* name : {"virus.exe", "bao-cao.doc", "so-lieu.xls", "anh.gif", "trang.html",
                           "khong-duoi", "bao-cao.pdf.exe", ".pdf"}) {
    ExpectError(CheckEvidence(name, kPdf), "evidence.type_unsupported", name);
  }
  EXPECT_EQ(CheckEvidence("virus.exe", kExe).status().message(),
            "Không nhận tệp 'virus.exe': chỉ nhận tệp PDF, DOCX, XLSX, PNG, JPEG");
}

TEST(EvidenceTest, RejectsContentThatIsNotWhatTheNameSays) {
  ExpectError(CheckEvidence("so-lieu.xlsx", Docx()), "evidence.type_mismatch", "docx as xlsx");
  ExpectError(CheckEvidence("ke-hoach.docx", Xlsx()), "evidence.type_mismatch", "xlsx as docx");
  ExpectError(CheckEvidence("ke-hoach.docx", PlainZip()), "evidence.type_mismatch", "plain zip");
  ExpectError(CheckEvidence("ke-hoach.docx", kOleDoc), "evidence.type_mismatch", "old .doc");
  ExpectError(CheckEvidence("anh.jpg", kPng), "evidence.type_mismatch", "png as jpg");
  ExpectError(CheckEvidence("anh.png", kJpeg), "evidence.type_mismatch", "jpeg as png");
  ExpectError(CheckEvidence("bao-cao.pdf", kHtml), "evidence.type_mismatch", "html as pdf");
  const Result<EvidenceType> exe = CheckEvidence("bao-cao.pdf", kExe);
  ExpectError(exe, "evidence.type_mismatch", "exe as pdf");
  EXPECT_EQ(exe.status().message(),
            "Tệp 'bao-cao.pdf' không phải tệp PDF thật (nội dung không khớp phần mở rộng)");
  EXPECT_EQ(CheckEvidence("anh.JPG", kHtml).status().message(),
            "Tệp 'anh.JPG' không phải tệp JPEG thật (nội dung không khớp phần mở rộng)");
}

}  // namespace
}  // namespace nq::evidence_test
