#include "cli/tasks_csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/csv.h"
#include "common/test_date.h"

namespace nq::cli::tasks_csv_test {
namespace {

const char kNumber[] = "01-NQ/ĐUK";

TEST(TasksCsvTest, ReadsColumnsByNameWithVietnameseLabelsAndBothDateForms) {
  const std::string text =
      "ten,ma,don_vi_chu_tri,don_vi_phoi_hop,ngay_giao,han,dinh_ky,so_ngay_sau_ky,san_pham,"
      "so_ky_hieu_van_ban,ngay_ban_hanh,ngay_hoan_thanh,tien_do,nhiem_vu_dot_pha,nhiem_vu_cha,"
      "trang_thai,nghi_quyet\r\n"
      "Ban hành kế hoạch,KH1,BTR.STC,BTR.SYT; BTR.SNV ,5/1/2021,31/3/2021,,,Văn bản cụ thể hóa,"
      "05-KH/ĐUK,2021-03-30,30/3/2021,,2,,Hoàn thành đúng hạn,01-NQ/ĐUK\r\n"
      "\r\n"
      "Báo cáo quý,BC1,BTR.STC,,2022-01-03,,Hằng quý,15,báo cáo,,,,80%,,KH1,,\r\n"
      "\"Cầu Rạch Miễu 2, giai đoạn 1\",DA1,BTR.SGT,,2021-02-01,30/06/2025,once,,project,,,,"
      "45,Phát triển hạ tầng,,,\r\n";
  auto rows = ParseTasksCsv(text, kNumber);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 3u);
  const BundleTask& doc = (*rows)[0];
  EXPECT_EQ(doc.line, 2);
  EXPECT_TRUE(doc.partial);
  EXPECT_EQ(doc.ref, "KH1");
  EXPECT_EQ(doc.task.title, "Ban hành kế hoạch");
  EXPECT_EQ(doc.owner_code, "BTR.STC");
  EXPECT_EQ(doc.cooperating_codes, (std::vector<std::string>{"BTR.SYT", "BTR.SNV"}));
  EXPECT_EQ(doc.task.assigned, D(2021, 1, 5));
  EXPECT_EQ(doc.task.deadline.recurrence, TaskRecurrence::kOnce);
  EXPECT_EQ(doc.task.deadline.due, D(2021, 3, 31));
  EXPECT_EQ(doc.task.product, ProductKind::kDocument);
  ASSERT_TRUE(doc.task.document.has_value());
  EXPECT_EQ(doc.task.document->number, "05-KH/ĐUK");
  EXPECT_EQ(doc.task.document->issued, D(2021, 3, 30));
  EXPECT_EQ(doc.task.completed_on, D(2021, 3, 30));
  EXPECT_EQ(doc.task.progress_percent, 100);  // completed, tien_do blank
  EXPECT_EQ(doc.resolution_task, "2");

  const BundleTask& report = (*rows)[1];
  EXPECT_EQ(report.line, 4);
  EXPECT_EQ(report.task.deadline.recurrence, TaskRecurrence::kQuarterly);
  EXPECT_EQ(report.task.deadline.offset_days, 15);
  EXPECT_FALSE(report.task.deadline.until.has_value());
  EXPECT_EQ(report.task.product, ProductKind::kReport);
  EXPECT_EQ(report.task.progress_percent, 80);
  EXPECT_EQ(report.parent_ref, "KH1");

  const BundleTask& project = (*rows)[2];
  EXPECT_EQ(project.task.title, "Cầu Rạch Miễu 2, giai đoạn 1");
  EXPECT_EQ(project.task.deadline.due, D(2025, 6, 30));
  ASSERT_TRUE(project.task.project.has_value());
  EXPECT_EQ(project.task.project->name, project.task.title);
  EXPECT_EQ(project.resolution_task, "Phát triển hạ tầng");
}

TEST(TasksCsvTest, ListsEveryBadLineAndReturnsNothing) {
  const std::string text =
      "ma,ten,don_vi_chu_tri,ngay_giao,han,dinh_ky,so_ngay_sau_ky,san_pham,so_ky_hieu_van_ban,"
      "ngay_ban_hanh,ngay_hoan_thanh,tien_do,nghi_quyet\n"
      "A,Tốt,BTR.STC,5/1/2021,31/3/2021,,,,,,,,\n"                      // 2: fine
      "B,Ngày sai,BTR.STC,31/2/2021,2021-13-01,,,,,,,,\n"               // 3: two bad dates
      "C,Định kỳ sai,BTR.STC,5/1/2021,,hằng tuần,,,,,,,\n"              // 4
      "D,Sản phẩm sai,BTR.STC,5/1/2021,31/3/2021,,,bằng khen,,,,,\n"    // 5
      "E,Tiến độ,BTR.STC,5/1/2021,31/3/2021,,,,,,,120,\n"               // 6
      "F,Số ngày,BTR.STC,5/1/2021,31/3/2021,,10,,,,,,\n"                // 7: once takes none
      "G,Quý,BTR.STC,5/1/2021,,quý,,,,,5/4/2021,,\n"                    // 8: completion
      "H,Ban hành,BTR.STC,5/1/2021,31/3/2021,,,báo cáo,,1/3/2021,,,\n"  // 9: issue date
      "I,Nghị quyết khác,BTR.STC,5/1/2021,31/3/2021,,,,,,,,02-NQ/TU\n"  // 10
      "J,Thiếu cột\n"                                                   // 11
      "K,\"Ngoặc\"sai,BTR.STC,5/1/2021,31/3/2021,,,,,,,,\n"             // 12: malformed
      "L,Thiếu ngày giao,BTR.STC,,31/3/2021,,,,,,,,\n";                 // 13
  auto rows = ParseTasksCsv(text, kNumber);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().key(), "csv.invalid");
  const std::string m = rows.status().message();
  for (const char* want :
       {"dòng 3: ngày giao không hợp lệ: \"31/2/2021\"", "dòng 3: hạn hoàn thành không hợp lệ",
        "dòng 4: định kỳ không hợp lệ", "dòng 5: sản phẩm không hợp lệ",
        "dòng 6: tiến độ phải là số nguyên từ 0 đến 100", "dòng 7: cột so_ngay_sau_ky",
        "dòng 8: cột ngay_hoan_thanh", "dòng 9: cột ngay_ban_hanh",
        "dòng 10: nhiệm vụ của nghị quyết 02-NQ/TU", "dòng 11: có 2 cột",
        "dòng 12: ", "dòng 13: thiếu ngày giao"}) {
    EXPECT_NE(m.find(want), std::string::npos) << want << "\n" << m;
  }
  EXPECT_EQ(m.find("dòng 2:"), std::string::npos) << m;
  // In line order.
  EXPECT_LT(m.find("dòng 11:"), m.find("dòng 12:"));
  EXPECT_LT(m.find("dòng 12:"), m.find("dòng 13:"));
}

TEST(TasksCsvTest, HeaderProblemsAreNamed) {
  EXPECT_NE(ParseTasksCsv("ma,ten,don_vi_chu_tri,ngay_giao,mau\n", kNumber)
                .status()
                .message()
                .find("\"mau\""),
            std::string::npos);
  EXPECT_NE(ParseTasksCsv("ma,ten,ngay_giao\n", kNumber).status().message().find("don_vi_chu_tri"),
            std::string::npos);
  EXPECT_NE(ParseTasksCsv("ma,ten,ten,don_vi_chu_tri,ngay_giao\n", kNumber)
                .status()
                .message()
                .find("hai lần"),
            std::string::npos);
  EXPECT_EQ(ParseTasksCsv("", kNumber).status().key(), "csv.invalid");
}

TEST(TasksCsvTest, WrittenFileReadsBackWithStates) {
  BundleTask doc;
  doc.ref = "NV1";
  doc.owner_code = "BTR.STC";
  doc.cooperating_codes = {"BTR.SYT", "BTR.SNV"};
  doc.resolution_task = "Nâng cao chất lượng sinh hoạt chi bộ";
  doc.task.title = "Ban hành kế hoạch, chương trình";
  doc.task.assigning_document = "125-CV/ĐUK";
  doc.task.assigned = D(2021, 1, 5);
  doc.task.deadline.due = D(2021, 3, 31);
  doc.task.product = ProductKind::kDocument;
  doc.task.document = ConcretizingDocument{"05-KH/ĐUK", "", D(2021, 4, 2), ""};
  doc.task.completed_on = D(2021, 4, 2);
  doc.task.progress_percent = 100;
  BundleTask report;
  report.ref = "NV2";
  report.parent_ref = "NV1";
  report.owner_code = "BTR.SYT";
  report.task.title = "Báo cáo năm";
  report.task.assigned = D(2021, 1, 5);
  report.task.deadline.recurrence = TaskRecurrence::kYearly;
  report.task.deadline.offset_days = 20;
  report.task.deadline.until = D(2025, 7, 31);
  report.task.product = ProductKind::kReport;
  report.task.progress_percent = 40;
  Resolution r;
  r.number = kNumber;
  const std::string text = WriteTasksCsv({{r, {doc, report}}}, D(2022, 1, 21));
  EXPECT_EQ(text.rfind(std::string(kUtf8Bom) + "ma,ten,", 0), 0u) << text;
  // The document was issued two days late; the 2021 report was due 20/1/2022.
  EXPECT_NE(text.find(",2/4/2021,100,Nâng cao chất lượng sinh hoạt chi bộ,,Hoàn thành trễ hạn,"
                      "01-NQ/ĐUK\r\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(",Hằng năm,20,Báo cáo,,,,40,,NV1,Quá hạn,01-NQ/ĐUK\r\n"), std::string::npos)
      << text;
  auto back = ParseTasksCsv(text, kNumber);
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->size(), 2u);
  for (BundleTask* b : {&doc, &report}) b->partial = true;
  doc.line = 2;
  report.line = 3;
  EXPECT_EQ((*back)[0], doc);
  EXPECT_EQ((*back)[1], report);
}

}  // namespace
}  // namespace nq::cli::tasks_csv_test
