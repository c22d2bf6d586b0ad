#include "review/review_document.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nq::review::review_document_test {
namespace {

using analytics::TargetStatus;

Review SampleReview() {
  Review r;
  r.as_of = Date{2023, 5, 17};
  r.term.name = "Nhiệm kỳ 2020 - 2025";
  r.resolution.number = "01-NQ/ĐUK";
  r.resolution.title = "Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XIII";
  r.root_name = "Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh";
  r.assessment.headline = "Hoàn thành 1/2 mục tiêu";
  r.assessment.done = 1;
  r.assessment.total = 2;
  r.assessment.buckets = {{80, 1}};
  for (const auto& [code, status] : {std::pair{"MT1", TargetStatus::kMet},
                                     std::pair{"MT5", TargetStatus::kAtRisk}}) {
    TargetRow t;
    t.target.code = code;
    t.target.text = std::string("Mục tiêu ") + code;
    t.target.unit = "%";
    t.assessment.status = status;
    t.assessment.target_value = 90;
    t.assessment.actual = 75.86;
    t.assessment.explanation = std::string("Giải thích ") + code + ".";
    r.assessment.targets.push_back(t);
    if (status == TargetStatus::kAtRisk) r.needing_action.push_back(t);
  }
  TaskSection s;
  s.resolution = r.resolution;
  s.counts.by_state[static_cast<size_t>(TaskState::kOverdue)] = 1;
  r.task_sections.push_back(s);
  r.findings.push_back(Finding{"targets_at_risk", "Mục tiêu khó đạt: 1/2 mục tiêu (MT5).",
                               {EvidenceRef{EvidenceRef::Kind::kTarget, 0, "MT5",
                                            "MT5: Mục tiêu MT5", "Giải thích MT5."}}});
  return r;
}

std::string TextOf(const Block& b) {
  std::string out;
  for (const Run& run : b.runs) out += run.text;
  return out;
}

std::vector<std::string> Headings(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.body) {
    if (b.kind != BlockKind::kParagraph && b.kind != BlockKind::kTable) out.push_back(TextOf(b));
  }
  return out;
}

bool HasParagraph(const Document& d, const std::string& text) {
  for (const Block& b : d.body) {
    if (b.kind == BlockKind::kParagraph && TextOf(b) == text) return true;
  }
  return false;
}

TEST(ReviewDocumentTest, HeaderOfADraftFromTheReview) {
  DocumentOptions o;
  o.superior_body = "ĐẢNG BỘ TỈNH BẾN TRE";
  o.place = "Bến Tre";
  const Document d = ReviewDocument(SampleReview(), o);
  EXPECT_EQ(d.header.superior_body, "ĐẢNG BỘ TỈNH BẾN TRE");
  EXPECT_EQ(d.header.issuing_body, "ĐẢNG BỘ KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH");
  EXPECT_EQ(d.header.number_symbol, "Số      -BC/ĐUK");
  EXPECT_EQ(d.header.place_date, "Bến Tre, ngày 17 tháng 5 năm 2023");
  EXPECT_EQ(d.header.doc_type, "BÁO CÁO");
  ASSERT_EQ(d.header.summary.size(), 2u);
  EXPECT_EQ(d.header.summary[0], "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết số 01-NQ/ĐUK");
  EXPECT_EQ(d.signature.on_behalf, "T/M BAN THƯỜNG VỤ");
  EXPECT_EQ(d.recipients.size(), 3u);
  o.number_symbol = "Số 25-BC/ĐUK";
  o.place.clear();
  const Document issued = ReviewDocument(SampleReview(), o);
  EXPECT_EQ(issued.header.number_symbol, "Số 25-BC/ĐUK");
  EXPECT_EQ(issued.header.place_date, "ngày 17 tháng 5 năm 2023");
}

TEST(ReviewDocumentTest, SectionsInThePartysOrder) {
  const Document d = ReviewDocument(SampleReview(), {});
  EXPECT_EQ(Headings(d), (std::vector<std::string>{
                             "I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT",
                             "1. Kết quả thực hiện các mục tiêu, chỉ tiêu",
                             "2. Thực hiện các nhiệm vụ được giao",  // no breakthrough tasks
                             "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
                             "III. BÀI HỌC KINH NGHIỆM",
                             "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP NỬA CUỐI NHIỆM KỲ"}));
  EXPECT_TRUE(HasParagraph(d, "Tính đến ngày 17/5/2023, hoàn thành 1/2 mục tiêu của Nghị quyết; "
                              "1/2 mục tiêu đạt từ 80% trở lên."));
  EXPECT_TRUE(HasParagraph(d, "Thực hiện Nghị quyết 01-NQ/ĐUK, đã giao 1 nhiệm vụ: 1 quá hạn."));
  EXPECT_TRUE(HasParagraph(d, "- Mục tiêu khó đạt: 1/2 mục tiêu (MT5)."));
  EXPECT_TRUE(HasParagraph(d, "+ MT5: Mục tiêu MT5: Giải thích MT5."));
  EXPECT_TRUE(HasParagraph(d, "- MT5: Mục tiêu MT5 (KHÓ ĐẠT)."));
  EXPECT_TRUE(HasParagraph(d, "(Ban Thường vụ bổ sung.)"));  // lessons not written yet
}

TEST(ReviewDocumentTest, TargetTableHasARowPerTargetWithVietnameseNumbers) {
  const Document d = ReviewDocument(SampleReview(), {});
  const Block* table = nullptr;
  for (const Block& b : d.body) {
    if (b.kind == BlockKind::kTable && table == nullptr) table = &b;
  }
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->table.rows.size(), 2u);
  EXPECT_EQ(table->table.header.size(), table->table.widths.size());
  const std::vector<Cell>& row = table->table.rows[1];
  ASSERT_EQ(row.size(), table->table.header.size());
  EXPECT_EQ(row[1].text, "Mục tiêu MT5");
  EXPECT_EQ(row[2].text, "≥ 90%");
  EXPECT_EQ(row[3].text, "75,86%");
  EXPECT_TRUE(row[3].number);
  EXPECT_EQ(row[4].text, "—");
  EXPECT_EQ(row[6].text, "KHÓ ĐẠT");
}

TEST(ReviewDocumentTest, CommitteeTextBecomesParagraphs) {
  Review r = SampleReview();
  r.lessons = "Một là, phát huy vai trò nêu gương.\n\n  Hai là, bám sát cơ sở.  \n";
  const Document d = ReviewDocument(r, {});
  EXPECT_TRUE(HasParagraph(d, "Một là, phát huy vai trò nêu gương."));
  EXPECT_TRUE(HasParagraph(d, "Hai là, bám sát cơ sở."));
  int placeholders = 0;
  for (const Block& b : d.body) placeholders += TextOf(b) == "(Ban Thường vụ bổ sung.)" ? 1 : 0;
  EXPECT_EQ(placeholders, 1);  // only section IV is still to be written
}

TEST(DocumentTest, RecipientLinesGetOneDashAndTheirEndMarks) {
  EXPECT_EQ(RecipientLines({"Ban Thường vụ Tỉnh ủy (b/c).", "- Các chi bộ", "Lưu VP, "}),
            (std::vector<std::string>{"- Ban Thường vụ Tỉnh ủy (b/c),", "- Các chi bộ,",
                                      "- Lưu VP."}));
  EXPECT_TRUE(RecipientLines({}).empty());
}

}  // namespace
}  // namespace nq::review::review_document_test
