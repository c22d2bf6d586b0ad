#include "review/pdf_writer.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

// fontconfig (2.14, used by pango) leaks 288 bytes once, when it parses its configuration at
// start-up; LeakSanitizer would fail the unit tests under ASan on it. The stack has no symbols past
// fontconfig's own frames, so the suppression names the library. Nothing of ours is allocated in
// it: a leaked pango layout or context still shows (as objects from libgobject and libpango; run
// with G_SLICE=always-malloc for glib's allocations to be seen at all).
extern "C" const char* __lsan_default_suppressions() {  // NOLINT(bugprone-reserved-identifier)
  return "leak:libfontconfig.so\n";
}

namespace nq::review::pdf_writer_test {
namespace {

// Page objects of a PDF: "/Type /Page" but not the page tree's "/Type /Pages".
int CountPages(std::string_view pdf) {
  constexpr std::string_view kPage = "/Type /Page";
  int pages = 0;
  for (size_t at = pdf.find(kPage); at != std::string_view::npos; at = pdf.find(kPage, at + 1)) {
    if (at + kPage.size() >= pdf.size() || pdf[at + kPage.size()] != 's') ++pages;
  }
  return pages;
}

void ExpectWellFormed(std::string_view pdf) {
  ASSERT_GT(pdf.size(), 100u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  while (!pdf.empty() && (pdf.back() == '\n' || pdf.back() == '\r')) pdf.remove_suffix(1);
  EXPECT_TRUE(pdf.ends_with("%%EOF"));
}

// To look at the PDFs the tests make:
//   NQTRACK_PDF_SAMPLE_DIR=/tmp nqtrack_unit --gtest_filter='PdfWriter*'
// writes /tmp/pdf-<name>.pdf.
void SaveForViewing(const std::string& pdf, const std::string& name) {
  if (const char* dir = std::getenv("NQTRACK_PDF_SAMPLE_DIR")) {
    std::ofstream(std::string(dir) + "/pdf-" + name + ".pdf", std::ios::binary) << pdf;
  }
}

DocumentHeader SampleHeader() {
  return {
      "ĐẢNG BỘ TỈNH BẾN TRE",
      "ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP",
      "Số 25-BC/ĐUK",
      "Bến Tre, ngày 17 tháng 5 năm 2023",
      "BÁO CÁO",
      {"sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội", "Đảng bộ Khối nhiệm kỳ 2020 - 2025"}};
}

std::string LongText(int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i) {
    text +=
        "Ban Chấp hành Đảng bộ đã lãnh đạo, chỉ đạo thực hiện đạt và vượt nhiều chỉ tiêu chủ "
        "yếu; công tác xây dựng Đảng, xây dựng hệ thống chính trị được chú trọng, chất lượng "
        "sinh hoạt chi bộ từng bước được nâng lên, vai trò hạt nhân lãnh đạo được giữ vững. ";
  }
  return text;
}

Table TargetTable(int rows) {
  Table t;
  t.header = {"TT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2025", "Thực hiện 2023", "Tỷ lệ (%)", "Đánh giá"};
  t.widths = {0.5, 3.5, 0.9, 1.2, 1.2, 1, 1.4};
  for (int i = 1; i <= rows; ++i) {
    t.rows.push_back({{std::to_string(i)},
                      {"Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên, chỉ tiêu số " +
                       std::to_string(i)},
                      {"%"},
                      {"90", true},
                      {"92,5", true},
                      {"102,8", true},
                      {i % 3 == 0 ? "Chưa đạt" : "Đạt, vượt"}});
  }
  return t;
}

Document SampleDocument() {
  Document doc;
  doc.header = SampleHeader();
  doc.body.push_back(Heading(BlockKind::kHeading1, "I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT"));
  doc.body.push_back(Heading(BlockKind::kHeading2, "1. Công tác xây dựng Đảng"));
  doc.body.push_back(Heading(BlockKind::kHeading3, "a) Về chính trị, tư tưởng"));
  doc.body.push_back(Paragraph(LongText(4)));
  doc.body.push_back(Paragraph({review::Run{"Những hạn chế: ", true}, review::Run{LongText(2)},
                                review::Run{"Nguyên nhân chủ yếu", false, true},
                                review::Run{" đã được chỉ rõ."}}));
  doc.body.push_back(Heading(BlockKind::kHeading3, "b) Kết quả thực hiện các chỉ tiêu"));
  doc.body.push_back(Paragraph("Kết quả thực hiện các chỉ tiêu chủ yếu như sau (ấp, ậ, ữ, Đ):"));
  doc.body.push_back(TableBlock(TargetTable(10)));
  doc.body.push_back(Heading(BlockKind::kHeading1, "II. PHƯƠNG HƯỚNG, NHIỆM VỤ"));
  for (int i = 0; i < 6; ++i) doc.body.push_back(Paragraph(LongText(3 + i % 3)));
  doc.signature = {"T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"};
  doc.recipients = {"Ban Thường vụ Tỉnh ủy (b/c)", "Các đồng chí Ủy viên BCH Đảng bộ Khối",
                    "Các tổ chức cơ sở đảng trực thuộc", "Lưu VP"};
  return doc;
}

Document BodyOf(Block block) {
  Document doc;
  doc.body.push_back(std::move(block));
  return doc;
}

// WritePdf's bytes, checked to be a whole PDF and saved for viewing; "" if it failed.
std::string Render(const Document& doc, const std::string& name) {
  Result<std::string> pdf = WritePdf(doc);
  EXPECT_TRUE(pdf.ok()) << pdf.status().ToString();
  if (!pdf.ok()) return "";
  ExpectWellFormed(*pdf);
  SaveForViewing(*pdf, name);
  return *pdf;
}

TEST(PdfWriterTest, WritesAPdfFile) {
  std::string pdf = Render(SampleDocument(), "sample");
  // The text is set in Liberation Serif, embedded as a subset ("ABCDEF+LiberationSerif"), and
  // every Vietnamese letter comes from it: no glyph borrowed from a fallback font.
  EXPECT_NE(pdf.find("+LiberationSerif"), std::string::npos);
  EXPECT_EQ(pdf.find("DejaVu"), std::string::npos) << "a letter fell back to DejaVu";
}

TEST(PdfWriterTest, ShortDocumentHasOnePage) {
  Document doc;
  doc.header = SampleHeader();
  doc.body = {Heading(BlockKind::kHeading1, "I. KẾT QUẢ"), Paragraph(LongText(2))};
  doc.signature = {"T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"};
  doc.recipients = {"Lưu VP"};
  EXPECT_EQ(CountPages(Render(doc, "short")), 1);
}

TEST(PdfWriterTest, LongDocumentHasSeveralPages) {
  // A body line is 14 pt x 1.107 (Liberation Serif's ascent + descent) x 1.15 = 17.8 pt; a text
  // page is 297 - 40 mm = 728.5 pt. 80 paragraphs of 3 sentences (690 characters, some 74 to a
  // line: 10 lines, 184 pt with the 6 pt after) and the header (~210 pt) fill about 20.5 pages.
  // The 60 table rows (3 lines of 12 x 1.107 pt plus 4 pt padding: 43.8 pt) go 15 to a page
  // under the repeated header row: 4 more pages.
  Document doc;
  doc.header = SampleHeader();
  for (int i = 0; i < 80; ++i) doc.body.push_back(Paragraph(LongText(3)));
  doc.body.push_back(TableBlock(TargetTable(60)));
  int pages = CountPages(Render(doc, "long"));
  EXPECT_GE(pages, 22);
  EXPECT_LE(pages, 28);
}

TEST(PdfWriterTest, ParagraphLongerThanAPageSplitsAcrossPages) {
  // One paragraph of 75 sentences, about 233 lines (4150 pt) under the blank header block: six or
  // seven pages, not one that runs off the bottom.
  int pages = CountPages(Render(BodyOf(Paragraph(LongText(75))), "long-paragraph"));
  EXPECT_GE(pages, 5);
  EXPECT_LE(pages, 8);
}

TEST(PdfWriterTest, TableLongerThanAPageContinuesOnTheNextPage) {
  // 60 rows of 43.8 pt (see above) and the repeated header rows: 2628 pt and more, 4 pages at
  // least.
  EXPECT_GE(CountPages(Render(BodyOf(TableBlock(TargetTable(60))), "long-table")), 4);
}

TEST(PdfWriterTest, EmptyDocumentRenders) { EXPECT_EQ(CountPages(Render(Document{}, "empty")), 1); }

TEST(PdfWriterTest, MarkupCharactersDiacriticsAndBadUtf8AreJustText) {
  Document doc;
  doc.header = SampleHeader();
  doc.header.issuing_body = "ĐẢNG ỦY <b>KHỐI</b> & CƠ QUAN";
  doc.body = {Heading(BlockKind::kHeading2, "1. R&D <i>"),
              Paragraph({review::Run{"a < b && c > d; ấp Mỹ Thạnh, Đồng Khởi, trữ lượng ", true},
                         review::Run{"&amp; <span foreground=\"red\">", false, true}}),
              Paragraph(std::string("byte lạc \xff\xfe giữa chữ")),
              TableBlock(Table{{"<TT>", "A&B"}, {{{"1 < 2"}, {"\xc3", true}}}, {}})};
  doc.recipients = {"<Lưu> & VP"};
  EXPECT_EQ(CountPages(Render(doc, "markup")), 1);
}

TEST(PdfWriterTest, CallsMayRunInParallel) {
  const Document doc = SampleDocument();
  std::vector<int> pages(4, 0);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < pages.size(); ++i) {
    threads.emplace_back([&doc, &pages, i] {
      Result<std::string> pdf = WritePdf(doc);
      if (pdf.ok()) pages[i] = CountPages(*pdf);
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(pages, std::vector<int>(4, 4));  // the sample's four pages, each time
}

}  // namespace
}  // namespace nq::review::pdf_writer_test
