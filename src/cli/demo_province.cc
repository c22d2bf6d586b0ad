// The provincial congress resolution the bloc follows (dữ liệu minh họa — numbers, dates and
// owners are illustrative): its 18 concretizing documents (văn bản cụ thể hóa) issued by the
// bloc committee and its grassroots committees, and its 11 key projects (công trình, dự án
// trọng điểm) — bridges, an industrial park, a hospital, coastal wind power, roads, water and
// power works — with their milestones. As of 17/5/2023: documents 13 on time, 3 late, 1 overdue,
// 1 in time; projects 3 on time, 2 late, 1 overdue, 5 in time.
#include <string>
#include <utility>
#include <vector>

#include "cli/demo_data.h"

namespace nq::cli {
namespace {

constexpr ProductKind kProject = ProductKind::kProject;
// The bloc's plan that assigned most of the documents.
constexpr const char* kBlocPlan = "05-KH/ĐUK";
constexpr const char* kPlanDate = "2020-12-15";

// A concretizing document: the task "Ban hành <title>" of `owner`.
DemoTaskRow Document(const char* ref, const char* owner, const char* number, const char* title,
                     const char* body, const char* due, const char* issued, int percent = 0) {
  DemoTaskRow r;
  r.ref = ref;
  r.owner = owner;
  r.assigning = kBlocPlan;
  r.assigned = kPlanDate;
  r.due = due;
  r.product = ProductKind::kDocument;
  r.number = number;
  r.doc_title = title;
  r.body = body;
  r.done = issued;
  r.percent = percent;
  return r;
}

std::vector<DemoTaskRow> Documents() {
  std::vector<DemoTaskRow> d = {
      Document("VB01", "BTR", "05-KH/ĐUK",
               "Kế hoạch thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ "
               "2020 - 2025",
               "Ban Thường vụ Đảng ủy Khối", "2020-12-31", "2020-12-10"),
      Document("VB02", "BTR", "09-CTr/ĐUK",
               "Chương trình hành động thực hiện khâu đột phá phát triển nguồn nhân lực",
               "Ban Thường vụ Đảng ủy Khối", "2021-03-31", "2021-03-25"),
      Document("VB03", "BTR.SKHDT", "12-KH/ĐU",
               "Kế hoạch thực hiện các chỉ tiêu phát triển kinh tế - xã hội giai đoạn 2021 - 2025",
               "Ban Chấp hành Đảng bộ Sở Kế hoạch và Đầu tư", "2021-03-31", "2021-03-18"),
      Document("VB04", "BTR.SGT", "08-KH/ĐU",
               "Kế hoạch phát triển kết cấu hạ tầng giao thông giai đoạn 2021 - 2025",
               "Ban Chấp hành Đảng bộ Sở Giao thông vận tải", "2021-03-31", "2021-04-20"),
      Document("VB05", "BTR.STC", "10-KH/ĐU",
               "Kế hoạch thực hiện nhiệm vụ tài chính - ngân sách nhà nước giai đoạn 2021 - 2025",
               "Ban Chấp hành Đảng bộ Sở Tài chính", "2021-03-31", "2021-03-29"),
      Document("VB06", "BTR.SNN", "15-CTr/ĐU",
               "Chương trình hành động phát triển nông nghiệp thích ứng với biến đổi khí hậu, "
               "xâm nhập mặn",
               "Ban Chấp hành Đảng bộ Sở Nông nghiệp và Phát triển nông thôn", "2021-06-30",
               "2021-06-15"),
      Document("VB07", "BTR.SCT", "09-KH/ĐU",
               "Kế hoạch phát triển công nghiệp, năng lượng tái tạo và điện gió ven biển",
               "Ban Chấp hành Đảng bộ Sở Công Thương", "2021-06-30", "2021-06-28"),
      Document("VB08", "BTR.SYT", "11-KH/ĐU",
               "Kế hoạch nâng cao chất lượng khám bệnh, chữa bệnh và phát triển y tế cơ sở",
               "Ban Chấp hành Đảng bộ Sở Y tế", "2021-06-30", "2021-08-05"),
      Document("VB09", "BTR.SGD", "14-KH/ĐU",
               "Kế hoạch phát triển giáo dục và đào tạo, nâng cao chất lượng nguồn nhân lực",
               "Ban Chấp hành Đảng bộ Sở Giáo dục và Đào tạo", "2021-06-30", "2021-06-21"),
      Document("VB10", "BTR.STNMT", "06-KH/ĐU",
               "Kế hoạch tăng cường quản lý tài nguyên đất đai và bảo vệ môi trường",
               "Ban Chấp hành Đảng bộ Sở Tài nguyên và Môi trường", "2021-09-30", "2021-09-20"),
      Document("VB11", "BTR.SLD", "13-KH/ĐU",
               "Kế hoạch giải quyết việc làm và giảm nghèo bền vững giai đoạn 2021 - 2025",
               "Ban Chấp hành Đảng bộ Sở Lao động - Thương binh và Xã hội", "2021-09-30",
               "2021-09-24"),
      Document("VB12", "BTR.SVH", "16-KH/ĐU",
               "Kế hoạch phát triển du lịch sinh thái, du lịch văn hóa gắn với xây dựng con người "
               "Bến Tre",
               "Ban Chấp hành Đảng bộ Sở Văn hóa, Thể thao và Du lịch", "2021-09-30", "2021-12-06"),
      Document("VB13", "BTR.SNV", "17-KH/ĐU",
               "Kế hoạch đẩy mạnh cải cách hành chính, nâng cao chỉ số PAR INDEX và SIPAS",
               "Ban Chấp hành Đảng bộ Sở Nội vụ", "2021-12-31", "2021-12-20"),
      Document("VB14", "BTR.STTTT", "04-KH/CB",
               "Kế hoạch chuyển đổi số tỉnh Bến Tre đến năm 2025, định hướng đến năm 2030",
               "Chi bộ Sở Thông tin và Truyền thông", "2021-12-31", "2021-11-30"),
      Document("VB15", "BTR.KCN", "03-KH/CB",
               "Kế hoạch thu hút đầu tư vào các khu công nghiệp giai đoạn 2021 - 2025",
               "Chi bộ Ban Quản lý các khu công nghiệp tỉnh", "2022-03-31", "2022-03-15"),
      Document("VB16", "BTR.DL", "21-KH/ĐU",
               "Kế hoạch bảo đảm cung ứng điện phục vụ phát triển kinh tế - xã hội giai đoạn "
               "2021 - 2025",
               "Ban Chấp hành Đảng bộ Công ty Điện lực Bến Tre", "2022-06-30", "2022-06-10"),
      Document("VB17", "BTR.CT", "",
               "Kế hoạch chống thất thu, nuôi dưỡng nguồn thu ngân sách nhà nước",
               "Ban Chấp hành Đảng bộ Cục Thuế tỉnh", "2022-12-31", "", 70),
      Document("VB18", "BTR.SXD", "",
               "Kế hoạch phát triển đô thị và nhà ở xã hội giai đoạn 2023 - 2025",
               "Chi bộ Sở Xây dựng", "2023-06-30", "", 40),
  };
  d[0].assigning = "01-KH/TU";  // the provincial committee's plan assigned the bloc's own
  d[0].assigned = "2020-10-26";
  d[0].evidence = {"05-KH-DUK.pdf", "Ke hoach so 05-KH/DUK ngay 10/12/2020"};
  d[15].assigned = "2021-06-01";
  d[17].assigning = "15-CV/ĐUK";
  d[17].assigned = "2023-01-16";
  return d;
}

std::vector<DemoTaskRow> Projects() {
  auto project = [](const char* ref, const char* owner, std::vector<std::string> cooperating,
                    const char* title,
                    const char* name, const char* location, const char* assigned, const char* due,
                    const char* done, int percent, std::vector<DemoMilestone> milestones) {
    DemoTaskRow r;
    r.ref = ref;
    r.owner = owner;
    r.cooperating = std::move(cooperating);
    r.title = title;
    r.assigning = kBlocPlan;
    r.assigned = assigned;
    r.due = due;
    r.product = kProject;
    r.doc_title = name;
    r.body = location;
    r.done = done;
    r.percent = percent;
    r.milestones = std::move(milestones);
    return r;
  };
  return {
      project("DA01", "BTR.QLDAGT", {"BTR.SGT"},
              "Giải phóng mặt bằng, phối hợp thi công cầu Rạch Miễu 2", "Cầu Rạch Miễu 2",
              "Huyện Châu Thành", "2021-01-20", "2025-06-30", "", 35,
              {{"Bàn giao mặt bằng phía Bến Tre", "2021-12-31", "2021-12-28"},
               {"Khởi công xây dựng", "2022-01-31", "2022-01-17"},
               {"Hợp long cầu chính", "2024-12-31", ""},
               {"Thông xe kỹ thuật", "2025-06-30", ""}}),
      project("DA02", "BTR.QLDAGT", {"BTR.SKHDT"}, "Chuẩn bị đầu tư và xây dựng cầu Đình Khao",
              "Cầu Đình Khao (Bến Tre - Vĩnh Long)", "Huyện Mỏ Cày Bắc", "2021-03-01", "2025-12-31",
              "", 25,
              {{"Phê duyệt chủ trương đầu tư", "2021-12-31", "2021-11-30"},
               {"Phê duyệt dự án đầu tư", "2022-09-30", "2022-11-18"},
               {"Khởi công xây dựng", "2023-03-31", ""},
               {"Hoàn thành, đưa vào sử dụng", "2025-12-31", ""}}),
      project("DA03", "BTR.KCN", {"BTR.STNMT", "BTR.SKHDT"},
              "Đầu tư xây dựng hạ tầng Khu công nghiệp Phú Thuận", "Khu công nghiệp Phú Thuận",
              "Huyện Bình Đại", "2021-02-01", "2025-06-30", "", 30,
              {{"Phê duyệt quy hoạch chi tiết tỷ lệ 1/2000", "2021-09-30", "2021-09-14"},
               {"Lựa chọn nhà đầu tư hạ tầng", "2022-06-30", "2022-08-26"},
               {"Hoàn thành bồi thường, giải phóng mặt bằng giai đoạn 1", "2023-12-31", ""},
               {"Khởi công hạ tầng kỹ thuật", "2024-03-31", ""}}),
      project("DA04", "BTR.QLDADD", {"BTR.SYT"},
              "Đầu tư xây dựng Bệnh viện Ung bướu tỉnh quy mô 300 giường",
              "Bệnh viện Ung bướu tỉnh Bến Tre", "Thành phố Bến Tre", "2021-03-15", "2024-12-31",
              "", 40,
              {{"Phê duyệt dự án đầu tư", "2021-12-31", "2021-12-20"},
               {"Khởi công xây dựng", "2022-06-30", "2022-06-25"},
               {"Hoàn thành phần thân", "2023-09-30", ""},
               {"Bàn giao, đưa vào sử dụng", "2024-12-31", ""}}),
      project("DA05", "BTR.SCT", {"BTR.DL"},
              "Đôn đốc đưa Nhà máy điện gió Thạnh Hải 1 vào vận hành thương mại",
              "Nhà máy điện gió Thạnh Hải 1", "Huyện Thạnh Phú", "2020-11-02", "2021-10-31",
              "2021-10-29", 0,
              {{"Hoàn thành lắp đặt tua-bin", "2021-08-31", "2021-08-25"},
               {"Hoàn thành trạm biến áp và đường dây đấu nối", "2021-09-30", "2021-09-28"},
               {"Vận hành thương mại", "2021-10-31", "2021-10-29"}}),
      project("DA06", "BTR.SCT", {"BTR.DL"},
              "Đôn đốc đưa Nhà máy điện gió V1-3 Bến Tre giai đoạn 2 vào vận hành thương mại",
              "Nhà máy điện gió V1-3 Bến Tre giai đoạn 2", "Huyện Thạnh Phú", "2020-11-02",
              "2021-10-31", "2021-12-22", 0,
              {{"Hoàn thành lắp đặt tua-bin", "2021-08-31", "2021-10-05"},
               {"Đóng điện đường dây đấu nối", "2021-09-30", "2021-11-20"},
               {"Vận hành thương mại", "2021-10-31", "2021-12-22"}}),
      project("DA07", "BTR.SGT", {"BTR.QLDAGT"},
              "Nâng cấp, mở rộng Đường tỉnh 885 đoạn Lương Hòa - Giồng Trôm",
              "Đường tỉnh 885 đoạn Lương Hòa - Giồng Trôm", "Huyện Giồng Trôm", "2021-01-20",
              "2022-12-31", "", 80,
              {{"Hoàn thành giải phóng mặt bằng", "2021-09-30", "2022-03-15"},
               {"Hoàn thành nền, móng đường", "2022-06-30", "2022-11-30"},
               {"Thảm bê tông nhựa, hoàn thành công trình", "2022-12-31", ""}}),
      project("DA08", "BTR.CTDT", {"BTR.SXD"},
              "Cải tạo hệ thống thoát nước, chống ngập nội ô thành phố Bến Tre",
              "Hệ thống thoát nước nội ô thành phố Bến Tre", "Thành phố Bến Tre", "2021-06-01",
              "2023-06-30", "", 85,
              {{"Hoàn thành tuyến cống đường Đồng Khởi", "2022-06-30", "2022-06-20"},
               {"Hoàn thành tuyến cống đường Hùng Vương", "2022-12-31", "2023-01-10"},
               {"Hoàn thành trạm bơm, cửa xả", "2023-06-30", ""}}),
      project("DA09", "BTR.CTN", {}, "Nâng công suất Nhà máy nước Sơn Đông lên 30.000 m³/ngày đêm",
              "Nhà máy nước Sơn Đông (giai đoạn 2)", "Thành phố Bến Tre", "2021-03-01",
              "2022-12-31", "2022-12-20", 0,
              {{"Khởi công xây dựng", "2021-06-30", "2021-06-18"},
               {"Lắp đặt thiết bị xử lý", "2022-09-30", "2022-09-22"},
               {"Vận hành thử, đưa vào khai thác", "2022-12-31", "2022-12-20"}}),
      project("DA10", "BTR.DL", {}, "Xây dựng Trạm biến áp 220 kV Mỏ Cày và đường dây đấu nối",
              "Trạm biến áp 220 kV Mỏ Cày", "Huyện Mỏ Cày Nam", "2021-01-15", "2022-06-30",
              "2022-06-28", 0,
              {{"Bàn giao mặt bằng", "2021-06-30", "2021-06-25"},
               {"Hoàn thành đường dây 220 kV", "2022-03-31", "2022-03-30"},
               {"Đóng điện, đưa vào vận hành", "2022-06-30", "2022-06-28"}}),
      project("DA11", "BTR.QLDANN", {"BTR.SNN", "BTR.CTN"},
              "Xây dựng hồ chứa nước ngọt phục vụ sinh hoạt huyện Ba Tri",
              "Hồ chứa nước ngọt huyện Ba Tri", "Huyện Ba Tri", "2021-05-10", "2022-12-31",
              "2023-01-16", 0,
              {{"Khởi công xây dựng", "2021-09-30", "2021-09-21"},
               {"Hoàn thành đào hồ, đắp bờ bao", "2022-09-30", "2022-11-05"},
               {"Hoàn thành trạm bơm, đưa vào sử dụng", "2022-12-31", "2023-01-16"}}),
  };
}

}  // namespace

Resolution DemoProvincialResolution() {
  Resolution r;
  r.number = "01-NQ/ĐH";
  r.title = "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Bến Tre lần thứ XI, nhiệm kỳ 2020 - 2025";
  r.adopted = Date{2020, 10, 16};
  return r;
}

std::vector<DemoTaskRow> DemoProvincialTaskRows() {
  std::vector<DemoTaskRow> rows = Documents();
  for (DemoTaskRow& r : Projects()) rows.push_back(std::move(r));
  return rows;
}

}  // namespace nq::cli
