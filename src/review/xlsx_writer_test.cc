#include "review/xlsx_writer.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <regex>
#include <string>

namespace nq::review::xlsx_writer_test {
namespace {

using analytics::TargetStatus;

TargetRow Row(const std::string& code, Comparator c, double value, const std::string& unit,
              TargetStatus status) {
  TargetRow t;
  t.target.code = code;
  t.target.text = "Mục tiêu " + code;
  t.target.comparator = c;
  t.target.unit = unit;
  t.assessment.target_value = value;
  t.assessment.status = status;
  t.assessment.explanation = "Giải thích " + code;
  return t;
}

TaskLine Line(int64_t id, const std::string& title) {
  TaskLine l;
  l.id = id;
  l.title = title;
  l.owner = "Đảng bộ Sở Tài chính";
  return l;
}

Review Sample() {
  Review r;
  r.as_of = Date{2023, 5, 17};
  r.resolution.number = "01-NQ/ĐUK";
  r.root_name = "Đảng bộ Khối Cơ quan - Doanh nghiệp";
  r.assessment.headline = "Hoàn thành 1/3 mục tiêu";
  TargetRow mt1 = Row("MT1", Comparator::kAtLeast, 1300, "đảng viên", TargetStatus::kAtRisk);
  mt1.assessment.actual = 874;
  mt1.assessment.expected = 725.6;
  mt1.assessment.projection = 1564.2;
  mt1.assessment.ratio = 67.2;
  TargetRow mt2 = Row("MT2", Comparator::kRange, 80, "%", TargetStatus::kMet);
  mt2.assessment.target_high = 90;
  mt2.assessment.actual = 85.5;
  TargetRow mt3 = Row("MT3", Comparator::kYesNo, 1, "", TargetStatus::kNoData);  // no values
  r.assessment.targets = {mt1, mt2, mt3};
  OrgRow org;
  org.org_id = 2;
  org.code = "DUK.STC";
  org.name = "Đảng bộ Sở Tài chính";
  org.targets = {mt1.assessment, mt2.assessment, mt3.assessment};
  org.targets[0].actual = 120;
  org.reports_on_time = 3;
  org.reports_late = 1;
  r.organizations = {org};
  TaskSection s;
  s.resolution.number = "01-NQ/ĐUK";
  TaskLine doc = Line(1, "Ban hành kế hoạch thực hiện");
  doc.product = ProductKind::kDocument;
  doc.next_due = Date{2023, 6, 30};
  TaskLine done = Line(2, "Sơ kết chuyên đề");
  done.completed_on = Date{2021, 6, 30};
  s.documents = {doc};
  s.overdue = {doc};  // listed once
  s.done_late = {done};
  r.task_sections = {s};
  return r;
}

// One part of the workbook by name ("" when absent).
std::string Part(const std::string& bytes, const char* name) {
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, nullptr);
  zip_t* za = src == nullptr ? nullptr : zip_open_from_source(src, ZIP_RDONLY, nullptr);
  if (za == nullptr) {
    zip_source_free(src);  // (a no-op for nullptr)
    return "";
  }
  std::string out;
  zip_stat_t st;
  zip_file_t* f = zip_stat(za, name, 0, &st) == 0 ? zip_fopen(za, name, 0) : nullptr;
  if (f != nullptr) {
    out.resize(st.size);
    if (zip_fread(f, out.data(), out.size()) != static_cast<zip_int64_t>(out.size())) out.clear();
    zip_fclose(f);
  }
  zip_close(za);
  return out;
}

// The XML of one cell ("<c r="G4" .../>" or "<c r="G4" ...>...</c>"), "" when absent.
std::string Cell(const std::string& sheet, const std::string& ref) {
  std::smatch m;
  const std::regex re("<c r=\"" + ref + "\"[^>]*?(/>|>.*?</c>)");
  return std::regex_search(sheet, m, re) ? m.str(0) : "";
}

bool IsNumber(const std::string& cell, const std::string& value) {
  return cell.find(" t=\"") == std::string::npos &&
         cell.find("<v>" + value + "</v>") != std::string::npos;
}

class XlsxWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::string> r = WriteXlsx(Sample());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    bytes_ = *r;
  }
  std::string bytes_;
};

TEST_F(XlsxWriterTest, HasTheFourSheetsWithVietnameseNames) {
  const std::string book = Part(bytes_, "xl/workbook.xml");
  const size_t a = book.find("name=\"Mục tiêu\"");
  const size_t b = book.find("name=\"Theo đơn vị\"");
  const size_t c = book.find("name=\"Báo cáo số liệu\"");
  const size_t d = book.find("name=\"Nhiệm vụ\"");
  ASSERT_NE(a, std::string::npos) << book;
  ASSERT_NE(d, std::string::npos) << book;
  EXPECT_TRUE(a < b && b < c && c < d);
  const std::string strings = Part(bytes_, "xl/sharedStrings.xml");
  for (const char* s : {"Phụ lục: Kết quả thực hiện các mục tiêu, chỉ tiêu Nghị quyết số "
                        "01-NQ/ĐUK tính đến ngày 17/5/2023",
                        "Dự báo cuối nhiệm kỳ", "KHÓ ĐẠT", "Đảng bộ Sở Tài chính", "80 – 90"}) {
    EXPECT_NE(strings.find(s), std::string::npos) << s;
  }
}

TEST_F(XlsxWriterTest, TargetValuesAreNumericCellsAndMissingOnesEmpty) {
  const std::string sheet = Part(bytes_, "xl/worksheets/sheet1.xml");
  // Row 4 is MT1 (title, subtitle and header above): target, actual, expected, projection, ratio.
  EXPECT_TRUE(IsNumber(Cell(sheet, "F4"), "1300")) << Cell(sheet, "F4");
  EXPECT_TRUE(IsNumber(Cell(sheet, "G4"), "874")) << Cell(sheet, "G4");
  EXPECT_TRUE(IsNumber(Cell(sheet, "H4"), "725.6")) << Cell(sheet, "H4");
  EXPECT_TRUE(IsNumber(Cell(sheet, "I4"), "1564.2")) << Cell(sheet, "I4");
  EXPECT_TRUE(IsNumber(Cell(sheet, "J4"), "67.2")) << Cell(sheet, "J4");
  EXPECT_NE(Cell(sheet, "K4").find("t=\"s\""), std::string::npos);  // the status label
  EXPECT_NE(Cell(sheet, "F5").find("t=\"s\""), std::string::npos);  // a range, as text
  EXPECT_TRUE(IsNumber(Cell(sheet, "G5"), "85.5"));
  const std::string no_value = Cell(sheet, "G6");
  ASSERT_FALSE(no_value.empty());
  EXPECT_EQ(no_value.find("<v>"), std::string::npos) << no_value;
  const std::string styles = Part(bytes_, "xl/styles.xml");
  for (const char* f : {"&quot;≥ &quot;#,##0", "#,##0.0#", "d/m/yyyy", "0.0%",
                        "[=1]&quot;Có&quot;;[=0]&quot;Không&quot;;0.00"}) {
    EXPECT_NE(styles.find(f), std::string::npos) << f;
  }
}

TEST_F(XlsxWriterTest, OrganizationsReportsAndTasksAreNumbersAndDates) {
  const std::string orgs = Part(bytes_, "xl/worksheets/sheet2.xml");
  EXPECT_TRUE(IsNumber(Cell(orgs, "D5"), "120")) << Cell(orgs, "D5");  // MT1's actual, row 5
  EXPECT_TRUE(IsNumber(Cell(orgs, "F5"), "85.5"));                     // MT2's
  const std::string reports = Part(bytes_, "xl/worksheets/sheet3.xml");
  EXPECT_TRUE(IsNumber(Cell(reports, "D4"), "3"));
  EXPECT_TRUE(IsNumber(Cell(reports, "G4"), "4"));
  EXPECT_TRUE(IsNumber(Cell(reports, "H4"), "0.25")) << Cell(reports, "H4");
  const std::string tasks = Part(bytes_, "xl/worksheets/sheet4.xml");
  EXPECT_TRUE(IsNumber(Cell(tasks, "H4"), "45107")) << Cell(tasks, "H4");  // 30/6/2023
  EXPECT_TRUE(IsNumber(Cell(tasks, "I5"), "44377")) << Cell(tasks, "I5");  // 30/6/2021
  EXPECT_EQ(Cell(tasks, "C6"), "");  // the overdue document is listed once
}

TEST(XlsxWriterErrorTest, ALibxlsxwriterErrorIsReportedAndNothingIsLeftBehind) {
  auto leftovers = [] {
    int n = 0;
    for (const auto& e :
         std::filesystem::directory_iterator(std::filesystem::temp_directory_path())) {
      if (e.path().filename().string().starts_with("nqtrack-xlsx-")) ++n;
    }
    return n;
  };
  const int before = leftovers();
  Review r = Sample();
  r.assessment.targets[0].assessment.explanation = std::string(40000, 'x');  // Excel: ≤ 32,767
  Result<std::string> bytes = WriteXlsx(r);
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().key(), "review.xlsx_failed");
  EXPECT_NE(bytes.status().message().find("32,767"), std::string::npos) << bytes.status().message();
  EXPECT_EQ(leftovers(), before);
}

}  // namespace
}  // namespace nq::review::xlsx_writer_test
