// The organizations of the demo (dữ liệu minh họa): names of provincial departments and units as a
// bloc committee of agencies and enterprises of Bến Tre would lead; enterprise names are invented.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/demo_data.h"
#include "cli/demo_random.h"

namespace nq::cli {
namespace {

// Kinds and sectors, abbreviated so the table stays one row per organization.
constexpr OrgKind kBloc = OrgKind::kBlocCommittee;
constexpr OrgKind kCommittee = OrgKind::kBaseCommittee;
constexpr OrgKind kCell = OrgKind::kBaseCell;
constexpr OrgKind kSub = OrgKind::kSubCell;
constexpr Sector kNone = Sector::kNone;
constexpr Sector kAgency = Sector::kStateAgency;
constexpr Sector kUnit = Sector::kPublicServiceUnit;
constexpr Sector kStateEnt = Sector::kStateEnterprise;
constexpr Sector kPrivate = Sector::kNonStateEnterprise;

struct DemoOrg {
  const char* code;
  const char* name;
  OrgKind kind;
  Sector sector;
  int members;
  const char* founded = nullptr;  // ISO date; nullptr: 2020-01-01 (before the term)
};

// Parents precede their children; a code's parent is the code without its last ".part".
const DemoOrg kOrgs[] = {
    {"BTR", "Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre", kBloc, kNone, 0},
    // Base committees of departments, with their sub-cells.
    {"BTR.STC", "Đảng bộ Sở Tài chính", kCommittee, kAgency, 0},
    {"BTR.STC.VP", "Chi bộ Văn phòng Sở", kSub, kAgency, 21},
    {"BTR.STC.NS", "Chi bộ Phòng Ngân sách", kSub, kAgency, 16},
    {"BTR.STC.QLG", "Chi bộ Phòng Quản lý giá và Công sản", kSub, kAgency, 14},
    {"BTR.STC.TCDN", "Chi bộ Phòng Tài chính doanh nghiệp", kSub, kAgency, 12},
    {"BTR.STC.HCSN", "Chi bộ Phòng Tài chính hành chính sự nghiệp", kSub, kAgency, 14},
    {"BTR.STC.TTR", "Chi bộ Thanh tra Sở", kSub, kAgency, 11},
    {"BTR.SKHDT", "Đảng bộ Sở Kế hoạch và Đầu tư", kCommittee, kAgency, 0},
    {"BTR.SKHDT.VP", "Chi bộ Văn phòng Sở", kSub, kAgency, 19},
    {"BTR.SKHDT.TH", "Chi bộ Phòng Tổng hợp, Quy hoạch", kSub, kAgency, 14},
    {"BTR.SKHDT.DKKD", "Chi bộ Phòng Đăng ký kinh doanh", kSub, kAgency, 12},
    {"BTR.SKHDT.DTTD", "Chi bộ Phòng Đầu tư - Thẩm định", kSub, kAgency, 16},
    {"BTR.SGD", "Đảng bộ Sở Giáo dục và Đào tạo", kCommittee, kAgency, 0},
    {"BTR.SGD.VP", "Chi bộ Văn phòng Sở", kSub, kAgency, 27},
    {"BTR.SGD.GDTH", "Chi bộ Phòng Giáo dục Trung học", kSub, kAgency, 16},
    {"BTR.SGD.GDMN", "Chi bộ Phòng Giáo dục Mầm non - Tiểu học", kSub, kAgency, 14},
    {"BTR.SGD.TCCB", "Chi bộ Phòng Tổ chức cán bộ", kSub, kAgency, 12},
    {"BTR.SGD.KTKD", "Chi bộ Phòng Khảo thí và Kiểm định chất lượng", kSub, kAgency, 11},
    {"BTR.SYT", "Đảng bộ Sở Y tế", kCommittee, kAgency, 0},
    {"BTR.SYT.VP", "Chi bộ Văn phòng Sở", kSub, kAgency, 25},
    {"BTR.SYT.NVY", "Chi bộ Phòng Nghiệp vụ Y - Dược", kSub, kAgency, 16},
    {"BTR.SYT.KHTC", "Chi bộ Phòng Kế hoạch - Tài chính", kSub, kAgency, 14},
    {"BTR.SYT.TCCB", "Chi bộ Phòng Tổ chức cán bộ", kSub, kAgency, 12},
    {"BTR.SYT.TTR", "Chi bộ Thanh tra Sở", kSub, kAgency, 11},
    {"BTR.SYT.DSKH", "Chi bộ Chi cục Dân số - Kế hoạch hóa gia đình", kSub, kAgency, 18},
    {"BTR.SYT.ATTP", "Chi bộ Chi cục An toàn vệ sinh thực phẩm", kSub, kAgency, 16},
    {"BTR.SNN", "Đảng bộ Sở Nông nghiệp và Phát triển nông thôn", kCommittee, kAgency, 0},
    {"BTR.SNN.VP", "Chi bộ Văn phòng Sở", kSub, kAgency, 28},
    {"BTR.SNN.CCTL", "Chi bộ Chi cục Thủy lợi", kSub, kAgency, 25},
    {"BTR.SNN.CCKL", "Chi bộ Chi cục Kiểm lâm", kSub, kAgency, 32},
    {"BTR.SNN.TTBVTV", "Chi bộ Chi cục Trồng trọt và Bảo vệ thực vật", kSub, kAgency, 27},
    {"BTR.SNN.CNTY", "Chi bộ Chi cục Chăn nuôi và Thú y", kSub, kAgency, 28},
    {"BTR.SNN.CCTS", "Chi bộ Chi cục Thủy sản", kSub, kAgency, 23},
    {"BTR.SNN.PTNT", "Chi bộ Chi cục Phát triển nông thôn", kSub, kAgency, 19},
    {"BTR.SNN.TTKN", "Chi bộ Trung tâm Khuyến nông", kSub, kUnit, 21},
    {"BTR.SGT", "Đảng bộ Sở Giao thông vận tải", kCommittee, kAgency, 0},
    {"BTR.SGT.VP", "Chi bộ Văn phòng Sở", kSub, kAgency, 19},
    {"BTR.SGT.QLGT", "Chi bộ Phòng Quản lý giao thông", kSub, kAgency, 16},
    {"BTR.SGT.TTR", "Chi bộ Thanh tra Sở", kSub, kAgency, 28},
    {"BTR.SGT.QLDA", "Chi bộ Ban Quản lý dự án", kSub, kUnit, 21},
    {"BTR.STNMT", "Đảng bộ Sở Tài nguyên và Môi trường", kCommittee, kAgency, 0},
    {"BTR.STNMT.VP", "Chi bộ Văn phòng Sở", kSub, kAgency, 18},
    {"BTR.STNMT.QLDD", "Chi bộ Chi cục Quản lý đất đai", kSub, kAgency, 16},
    {"BTR.STNMT.BVMT", "Chi bộ Chi cục Bảo vệ môi trường", kSub, kAgency, 16},
    {"BTR.STNMT.VPDK", "Chi bộ Văn phòng Đăng ký đất đai", kSub, kUnit, 42},
    {"BTR.STNMT.QT", "Chi bộ Trung tâm Quan trắc tài nguyên và môi trường", kSub, kUnit, 14},
    {"BTR.SCT", "Đảng bộ Sở Công Thương", kCommittee, kAgency, 0},
    {"BTR.SCT.VP", "Chi bộ Văn phòng Sở", kSub, kAgency, 18},
    {"BTR.SCT.QLTM", "Chi bộ Phòng Quản lý thương mại", kSub, kAgency, 12},
    {"BTR.SCT.QLCN", "Chi bộ Phòng Quản lý công nghiệp", kSub, kAgency, 12},
    {"BTR.SCT.KCXT", "Chi bộ Trung tâm Khuyến công và Xúc tiến thương mại", kSub, kUnit, 16},
    {"BTR.SLD", "Đảng bộ Sở Lao động - Thương binh và Xã hội", kCommittee, kAgency, 0},
    {"BTR.SLD.VP", "Chi bộ Văn phòng Sở", kSub, kAgency, 19},
    {"BTR.SLD.LDVL", "Chi bộ Phòng Lao động - Việc làm", kSub, kAgency, 12},
    {"BTR.SLD.NCC", "Chi bộ Phòng Người có công", kSub, kAgency, 11},
    {"BTR.SLD.DVVL", "Chi bộ Trung tâm Dịch vụ việc làm", kSub, kUnit, 18},
    {"BTR.SLD.BTXH", "Chi bộ Cơ sở Bảo trợ xã hội", kSub, kUnit, 16},
    {"BTR.SVH", "Đảng bộ Sở Văn hóa, Thể thao và Du lịch", kCommittee, kAgency, 0},
    {"BTR.SVH.VP", "Chi bộ Văn phòng Sở", kSub, kAgency, 18},
    {"BTR.SVH.BT", "Chi bộ Bảo tàng tỉnh", kSub, kUnit, 16},
    {"BTR.SVH.TV", "Chi bộ Thư viện tỉnh", kSub, kUnit, 14},
    {"BTR.SVH.TTVH", "Chi bộ Trung tâm Văn hóa tỉnh", kSub, kUnit, 18},
    {"BTR.SVH.TDTT", "Chi bộ Trung tâm Huấn luyện và Thi đấu thể thao", kSub, kUnit, 19},
    {"BTR.SVH.NT", "Chi bộ Đoàn Nghệ thuật tỉnh", kSub, kUnit, 16},
    {"BTR.SNV", "Đảng bộ Sở Nội vụ", kCommittee, kAgency, 0},
    {"BTR.SNV.VP", "Chi bộ Văn phòng Sở", kSub, kAgency, 16},
    {"BTR.SNV.TCBC", "Chi bộ Phòng Tổ chức - Biên chế", kSub, kAgency, 12},
    {"BTR.SNV.TDKT", "Chi bộ Ban Thi đua - Khen thưởng", kSub, kAgency, 14},
    {"BTR.SNV.VTLT", "Chi bộ Chi cục Văn thư - Lưu trữ", kSub, kAgency, 14},
    {"BTR.SNV.TG", "Chi bộ Ban Tôn giáo", kSub, kAgency, 11},
    {"BTR.VPUB", "Đảng bộ Văn phòng Ủy ban nhân dân tỉnh", kCommittee, kAgency, 0},
    {"BTR.VPUB.HCTC", "Chi bộ Phòng Hành chính - Tổ chức", kSub, kAgency, 21},
    {"BTR.VPUB.KT", "Chi bộ Phòng Kinh tế", kSub, kAgency, 14},
    {"BTR.VPUB.VX", "Chi bộ Phòng Văn xã", kSub, kAgency, 12},
    {"BTR.VPUB.NC", "Chi bộ Phòng Nội chính", kSub, kAgency, 12},
    {"BTR.VPUB.QTTV", "Chi bộ Phòng Quản trị - Tài vụ", kSub, kAgency, 18},
    {"BTR.VPUB.HCC", "Chi bộ Trung tâm Phục vụ hành chính công", kSub, kUnit, 25},
    {"BTR.KBNN", "Đảng bộ Kho bạc Nhà nước tỉnh", kCommittee, kAgency, 0},
    {"BTR.KBNN.VP", "Chi bộ Văn phòng", kSub, kAgency, 18},
    {"BTR.KBNN.KTNN", "Chi bộ Phòng Kế toán Nhà nước", kSub, kAgency, 19},
    {"BTR.KBNN.KSC", "Chi bộ Phòng Kiểm soát chi", kSub, kAgency, 21},
    {"BTR.KBNN.TTKT", "Chi bộ Phòng Thanh tra - Kiểm tra", kSub, kAgency, 11},
    {"BTR.CT", "Đảng bộ Cục Thuế tỉnh", kCommittee, kAgency, 0},
    {"BTR.CT.VP", "Chi bộ Văn phòng Cục", kSub, kAgency, 25},
    {"BTR.CT.KTT", "Chi bộ Phòng Kiểm tra thuế", kSub, kAgency, 28},
    {"BTR.CT.TTHT", "Chi bộ Phòng Tuyên truyền - Hỗ trợ người nộp thuế", kSub, kAgency, 19},
    {"BTR.CT.QLN", "Chi bộ Phòng Quản lý nợ và Cưỡng chế nợ thuế", kSub, kAgency, 18},
    {"BTR.CT.NVDT", "Chi bộ Phòng Nghiệp vụ - Dự toán - Pháp chế", kSub, kAgency, 16},
    {"BTR.CT.TH", "Chi bộ Phòng Tin học", kSub, kAgency, 12},
    {"BTR.BHXH", "Đảng bộ Bảo hiểm xã hội tỉnh", kCommittee, kAgency, 0},
    {"BTR.BHXH.VP", "Chi bộ Văn phòng", kSub, kAgency, 21},
    {"BTR.BHXH.QLT", "Chi bộ Phòng Quản lý thu", kSub, kAgency, 18},
    {"BTR.BHXH.CD", "Chi bộ Phòng Chế độ bảo hiểm xã hội", kSub, kAgency, 19},
    {"BTR.BHXH.GD", "Chi bộ Phòng Giám định bảo hiểm y tế", kSub, kAgency, 21},
    {"BTR.BHXH.KHTC", "Chi bộ Phòng Kế hoạch - Tài chính", kSub, kAgency, 14},
    {"BTR.BHXH.TTKT", "Chi bộ Phòng Thanh tra - Kiểm tra", kSub, kAgency, 16},
    // Base committees of public service units.
    {"BTR.BVNDC", "Đảng bộ Bệnh viện Nguyễn Đình Chiểu", kCommittee, kUnit, 0},
    {"BTR.BVNDC.NOI", "Chi bộ Khối Nội", kSub, kUnit, 57},
    {"BTR.BVNDC.NGOAI", "Chi bộ Khối Ngoại", kSub, kUnit, 53},
    {"BTR.BVNDC.CLS", "Chi bộ Khối Cận lâm sàng", kSub, kUnit, 39},
    {"BTR.BVNDC.HSCC", "Chi bộ Khối Hồi sức - Cấp cứu", kSub, kUnit, 35},
    {"BTR.BVNDC.SAN", "Chi bộ Khoa Phụ sản", kSub, kUnit, 32},
    {"BTR.BVNDC.NHI", "Chi bộ Khoa Nhi", kSub, kUnit, 30},
    {"BTR.BVNDC.PCN", "Chi bộ Khối Phòng chức năng", kSub, kUnit, 46},
    {"BTR.PTTH", "Đảng bộ Đài Phát thanh và Truyền hình tỉnh", kCommittee, kUnit, 0},
    {"BTR.PTTH.TS", "Chi bộ Phòng Thời sự", kSub, kUnit, 25},
    {"BTR.PTTH.KTCN", "Chi bộ Phòng Kỹ thuật - Công nghệ", kSub, kUnit, 21},
    {"BTR.PTTH.VN", "Chi bộ Phòng Văn nghệ - Giải trí", kSub, kUnit, 16},
    {"BTR.PTTH.TCHC", "Chi bộ Phòng Tổ chức - Hành chính", kSub, kUnit, 18},
    {"BTR.BDK", "Đảng bộ Báo Đồng Khởi", kCommittee, kUnit, 0},
    {"BTR.BDK.TSCT", "Chi bộ Phòng Thời sự - Chính trị", kSub, kUnit, 18},
    {"BTR.BDK.KTXH", "Chi bộ Phòng Kinh tế - Xã hội", kSub, kUnit, 16},
    {"BTR.BDK.TS", "Chi bộ Phòng Trị sự - Hành chính", kSub, kUnit, 14},
    {"BTR.CDBT", "Đảng bộ Trường Cao đẳng Bến Tre", kCommittee, kUnit, 0},
    {"BTR.CDBT.KTTC", "Chi bộ Khoa Kinh tế - Tài chính", kSub, kUnit, 21},
    {"BTR.CDBT.KTCN", "Chi bộ Khoa Kỹ thuật - Công nghệ", kSub, kUnit, 19},
    {"BTR.CDBT.SP", "Chi bộ Khoa Sư phạm", kSub, kUnit, 25},
    {"BTR.CDBT.PB", "Chi bộ Các phòng chức năng", kSub, kUnit, 23},
    // Base committees of enterprises.
    {"BTR.DL", "Đảng bộ Công ty Điện lực Bến Tre", kCommittee, kStateEnt, 0},
    {"BTR.DL.VP", "Chi bộ Văn phòng Công ty", kSub, kStateEnt, 28},
    {"BTR.DL.KT", "Chi bộ Phòng Kỹ thuật", kSub, kStateEnt, 25},
    {"BTR.DL.KD", "Chi bộ Phòng Kinh doanh", kSub, kStateEnt, 21},
    {"BTR.DL.TP", "Chi bộ Điện lực thành phố Bến Tre", kSub, kStateEnt, 35},
    {"BTR.DL.CT", "Chi bộ Điện lực Châu Thành", kSub, kStateEnt, 27},
    {"BTR.DL.MC", "Chi bộ Điện lực Mỏ Cày", kSub, kStateEnt, 27},
    {"BTR.DL.BTRI", "Chi bộ Điện lực Ba Tri", kSub, kStateEnt, 25},
    {"BTR.CTN", "Đảng bộ Công ty Cổ phần Cấp thoát nước Bến Tre", kCommittee, kStateEnt, 0},
    {"BTR.CTN.HD", "Chi bộ Nhà máy nước Hữu Định", kSub, kStateEnt, 25},
    {"BTR.CTN.SD", "Chi bộ Nhà máy nước Sơn Đông", kSub, kStateEnt, 21},
    {"BTR.CTN.KD", "Chi bộ Phòng Kinh doanh", kSub, kStateEnt, 19},
    {"BTR.CTN.VP", "Chi bộ Khối Văn phòng", kSub, kStateEnt, 23},
    {"BTR.AGRI", "Đảng bộ Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh tỉnh Bến Tre",
     kCommittee, kStateEnt, 0},
    {"BTR.AGRI.HS", "Chi bộ Hội sở tỉnh", kSub, kStateEnt, 42},
    {"BTR.AGRI.TP", "Chi bộ Chi nhánh thành phố Bến Tre", kSub, kStateEnt, 21},
    {"BTR.AGRI.CT", "Chi bộ Chi nhánh Châu Thành", kSub, kStateEnt, 16},
    {"BTR.AGRI.MCN", "Chi bộ Chi nhánh Mỏ Cày Nam", kSub, kStateEnt, 18},
    {"BTR.AGRI.BTRI", "Chi bộ Chi nhánh Ba Tri", kSub, kStateEnt, 16},
    {"BTR.AGRI.GT", "Chi bộ Chi nhánh Giồng Trôm", kSub, kStateEnt, 16},
    // Base cells of state agencies.
    {"BTR.STP", "Chi bộ Sở Tư pháp", kCell, kAgency, 48},
    {"BTR.SKHCN", "Chi bộ Sở Khoa học và Công nghệ", kCell, kAgency, 46},
    {"BTR.STTTT", "Chi bộ Sở Thông tin và Truyền thông", kCell, kAgency, 39},
    {"BTR.SXD", "Chi bộ Sở Xây dựng", kCell, kAgency, 51},
    {"BTR.SNGV", "Chi bộ Sở Ngoại vụ", kCell, kAgency, 21},
    {"BTR.TTRT", "Chi bộ Thanh tra tỉnh", kCell, kAgency, 42},
    {"BTR.BDT", "Chi bộ Ban Dân tộc tỉnh", kCell, kAgency, 16},
    {"BTR.KCN", "Chi bộ Ban Quản lý các khu công nghiệp tỉnh", kCell, kAgency, 37},
    {"BTR.VPHDND", "Chi bộ Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", kCell,
     kAgency, 44},
    {"BTR.CTK", "Chi bộ Cục Thống kê tỉnh", kCell, kAgency, 41},
    {"BTR.THADS", "Chi bộ Cục Thi hành án dân sự tỉnh", kCell, kAgency, 34},
    {"BTR.QLTT", "Chi bộ Cục Quản lý thị trường tỉnh", kCell, kAgency, 50},
    {"BTR.LMHTX", "Chi bộ Liên minh Hợp tác xã tỉnh", kCell, kAgency, 19},
    {"BTR.NHNN", "Chi bộ Ngân hàng Nhà nước chi nhánh tỉnh Bến Tre", kCell, kAgency, 50},
    // Base cells of public service units.
    {"BTR.TCT", "Chi bộ Trường Chính trị tỉnh", kCell, kUnit, 55},
    {"BTR.CDN", "Chi bộ Trường Cao đẳng nghề Đồng Khởi", kCell, kUnit, 46},
    {"BTR.CDC", "Chi bộ Trung tâm Kiểm soát bệnh tật tỉnh", kCell, kUnit, 60},
    {"BTR.BVYHCT", "Chi bộ Bệnh viện Y học cổ truyền tỉnh", kCell, kUnit, 51},
    {"BTR.BVTT", "Chi bộ Bệnh viện Tâm thần tỉnh", kCell, kUnit, 32},
    {"BTR.BVLAO", "Chi bộ Bệnh viện Lao và Bệnh phổi tỉnh", kCell, kUnit, 37},
    {"BTR.BVBTRI", "Chi bộ Bệnh viện Đa khoa khu vực Ba Tri", kCell, kUnit, 55},
    {"BTR.BVCLM", "Chi bộ Bệnh viện Đa khoa khu vực Cù Lao Minh", kCell, kUnit, 58},
    {"BTR.KNT", "Chi bộ Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm", kCell, kUnit, 19},
    {"BTR.TTPY", "Chi bộ Trung tâm Pháp y tỉnh", kCell, kUnit, 14},
    {"BTR.GDYK", "Chi bộ Trung tâm Giám định y khoa tỉnh", kCell, kUnit, 12},
    {"BTR.CNTT", "Chi bộ Trung tâm Công nghệ thông tin và Truyền thông", kCell, kUnit, 21},
    {"BTR.UDKH", "Chi bộ Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", kCell, kUnit, 19},
    {"BTR.PTQD", "Chi bộ Trung tâm Phát triển quỹ đất tỉnh", kCell, kUnit, 27},
    {"BTR.NSVS", "Chi bộ Trung tâm Nước sạch và Vệ sinh môi trường nông thôn", kCell, kUnit, 25},
    {"BTR.TTXTDT", "Chi bộ Trung tâm Xúc tiến đầu tư tỉnh", kCell, kUnit, 16},
    {"BTR.DKX", "Chi bộ Trung tâm Đăng kiểm xe cơ giới", kCell, kUnit, 18},
    {"BTR.DGTS", "Chi bộ Trung tâm Dịch vụ đấu giá tài sản", kCell, kUnit, 11},
    {"BTR.TGPL", "Chi bộ Trung tâm Trợ giúp pháp lý Nhà nước", kCell, kUnit, 16},
    {"BTR.DDNCC", "Chi bộ Trung tâm Điều dưỡng người có công", kCell, kUnit, 14},
    {"BTR.CNMT", "Chi bộ Cơ sở Cai nghiện ma túy tỉnh", kCell, kUnit, 21},
    {"BTR.QHKD", "Chi bộ Trung tâm Quy hoạch và Kiểm định xây dựng", kCell, kUnit, 16},
    {"BTR.DTNDC", "Chi bộ Ban Quản lý Khu di tích Nguyễn Đình Chiểu", kCell, kUnit, 12},
    {"BTR.QLDADD",
     "Chi bộ Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công "
     "nghiệp tỉnh",
     kCell, kUnit, 30},
    {"BTR.QLDAGT", "Chi bộ Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh", kCell,
     kUnit, 34},
    {"BTR.QLDANN",
     "Chi bộ Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát "
     "triển nông thôn tỉnh",
     kCell, kUnit, 28},
    {"BTR.QDTPT", "Chi bộ Quỹ Đầu tư phát triển tỉnh", kCell, kUnit, 18},
    // Base cells of state enterprises.
    {"BTR.NHCS", "Chi bộ Ngân hàng Chính sách xã hội chi nhánh tỉnh", kCell, kStateEnt, 48},
    {"BTR.VCB", "Chi bộ Ngân hàng TMCP Ngoại thương Việt Nam chi nhánh Bến Tre", kCell, kStateEnt,
     46},
    {"BTR.BIDV", "Chi bộ Ngân hàng TMCP Đầu tư và Phát triển Việt Nam chi nhánh Bến Tre", kCell,
     kStateEnt, 51},
    {"BTR.VTB", "Chi bộ Ngân hàng TMCP Công Thương Việt Nam chi nhánh Bến Tre", kCell, kStateEnt,
     42},
    {"BTR.VDB", "Chi bộ Chi nhánh Ngân hàng Phát triển khu vực Tiền Giang - Bến Tre", kCell,
     kStateEnt, 25},
    {"BTR.BD", "Chi bộ Bưu điện tỉnh Bến Tre", kCell, kStateEnt, 44},
    {"BTR.VNPT", "Chi bộ Viễn thông Bến Tre", kCell, kStateEnt, 53},
    {"BTR.XD", "Chi bộ Công ty Xăng dầu Bến Tre", kCell, kStateEnt, 39},
    {"BTR.BV", "Chi bộ Công ty Bảo Việt Bến Tre", kCell, kStateEnt, 19},
    {"BTR.XSKT", "Chi bộ Công ty TNHH Một thành viên Xổ số kiến thiết Bến Tre", kCell, kStateEnt,
     48},
    {"BTR.CTDT", "Chi bộ Công ty TNHH Một thành viên Công trình đô thị Bến Tre", kCell, kStateEnt,
     41},
    {"BTR.KTTL", "Chi bộ Công ty TNHH Một thành viên Khai thác công trình thủy lợi", kCell,
     kStateEnt, 32},
    {"BTR.DPBT", "Chi bộ Công ty Cổ phần Dược phẩm Bến Tre", kCell, kStateEnt, 34},
    // Base cells of non-state enterprises (invented names).
    {"BTR.HUNGPHAT", "Chi bộ Công ty TNHH Chế biến Dừa Hưng Phát", kCell, kPrivate, 32},
    {"BTR.MCXANH", "Chi bộ Công ty Cổ phần Kẹo dừa Mỏ Cày Xanh", kCell, kPrivate, 16},
    {"BTR.BDXANH", "Chi bộ Công ty TNHH Thủy sản Bình Đại Xanh", kCell, kPrivate, 21},
    {"BTR.XDGTDK", "Chi bộ Công ty Cổ phần Xây dựng Giao thông Đồng Khởi", kCell, kPrivate, 25},
    {"BTR.MAYGL", "Chi bộ Công ty TNHH May mặc Giao Long", kCell, kPrivate, 37, "2021-03-26"},
    {"BTR.DPHL", "Chi bộ Công ty Cổ phần Dược phẩm Hàm Luông", kCell, kPrivate, 28},
    {"BTR.DTAH", "Chi bộ Công ty TNHH Điện tử An Hiệp", kCell, kPrivate, 19, "2022-05-19"},
    {"BTR.VTCC", "Chi bộ Công ty Cổ phần Vận tải thủy Cổ Chiên", kCell, kPrivate, 12},
    {"BTR.TCCL", "Chi bộ Công ty TNHH Trái cây Chợ Lách", kCell, kPrivate, 11, "2023-01-12"},
    {"BTR.TPBTRI", "Chi bộ Công ty Cổ phần Thực phẩm Ba Tri", kCell, kPrivate, 18},
    {"BTR.GCTCM", "Chi bộ Công ty TNHH Giống cây trồng Cái Mơn", kCell, kPrivate, 11},
    {"BTR.DTXDST", "Chi bộ Công ty Cổ phần Đầu tư Xây dựng Sông Tiền", kCell, kPrivate, 23},
    {"BTR.CXDTP", "Chi bộ Công ty TNHH Chỉ xơ dừa Thạnh Phú", kCell, kPrivate, 14},
    {"BTR.MUOIBT", "Chi bộ Công ty Cổ phần Muối và Thủy sản Ba Tri", kCell, kPrivate, 12},
    {"BTR.SOIDK", "Chi bộ Công ty TNHH Sợi Đồng Khởi", kCell, kPrivate, 27},
    {"BTR.TVTK", "Chi bộ Công ty Cổ phần Tư vấn Thiết kế Xây dựng Bến Tre", kCell, kPrivate, 21},
    {"BTR.BBMTA", "Chi bộ Công ty TNHH Bao bì Mỹ Thạnh An", kCell, kPrivate, 16},
    {"BTR.CKGL", "Chi bộ Công ty Cổ phần Cơ khí Giao Long", kCell, kPrivate, 19},
    {"BTR.MPDX", "Chi bộ Công ty TNHH Mỹ phẩm Dừa Xanh Bến Tre", kCell, kPrivate, 9, "2023-08-10"},
    {"BTR.LTGT", "Chi bộ Công ty Cổ phần Lương thực Giồng Trôm", kCell, kPrivate, 18},
    {"BTR.CNBTH", "Chi bộ Công ty TNHH Chăn nuôi Bình Thắng", kCell, kPrivate, 11},
    {"BTR.DLCP", "Chi bộ Công ty Cổ phần Du lịch Cồn Phụng", kCell, kPrivate, 16},
    {"BTR.KSHL", "Chi bộ Công ty TNHH Khách sạn Hàm Luông", kCell, kPrivate, 14},
    {"BTR.BXBT", "Chi bộ Công ty Cổ phần Bến xe Bến Tre", kCell, kPrivate, 21},
    {"BTR.VLXDMC", "Chi bộ Công ty TNHH Vật liệu Xây dựng Mỏ Cày", kCell, kPrivate, 12},
    {"BTR.NGKDV", "Chi bộ Công ty Cổ phần Nước giải khát Dừa Việt", kCell, kPrivate, 18,
     "2021-09-14"},
    {"BTR.KTDTT", "Chi bộ Công ty TNHH Kỹ thuật Điện Tân Thành", kCell, kPrivate, 11},
    {"BTR.PTNBT", "Chi bộ Công ty Cổ phần Phát triển Nhà Bến Tre", kCell, kPrivate, 19},
    {"BTR.TMPL", "Chi bộ Công ty TNHH Thương mại Dịch vụ Phú Lễ", kCell, kPrivate, 9},
    {"BTR.TSTPX", "Chi bộ Công ty Cổ phần Thủy sản Thạnh Phú Xanh", kCell, kPrivate, 25},
    {"BTR.GDAH", "Chi bộ Công ty TNHH Giày da An Hiệp", kCell, kPrivate, 32, "2022-11-03"},
    {"BTR.GOHD", "Chi bộ Công ty Cổ phần Chế biến Gỗ Hữu Định", kCell, kPrivate, 14},
    {"BTR.DLBD", "Chi bộ Công ty TNHH Dệt lưới Bình Đại", kCell, kPrivate, 16},
    {"BTR.BTLTSD", "Chi bộ Công ty Cổ phần Bê tông Ly tâm Sơn Đông", kCell, kPrivate, 18},
    {"BTR.THHP", "Chi bộ Công ty TNHH Tin học Viễn thông Hưng Phong", kCell, kPrivate, 11},
    {"BTR.QLCBT", "Chi bộ Công ty Cổ phần Quản lý Chợ Bến Tre", kCell, kPrivate, 12},
    {"BTR.BVMA", "Chi bộ Công ty TNHH Bệnh viện Đa khoa Mỹ An", kCell, kPrivate, 23},
    {"BTR.MTXBT", "Chi bộ Công ty Cổ phần Môi trường Xanh Bến Tre", kCell, kPrivate, 16},
    {"BTR.PBCL", "Chi bộ Công ty TNHH Phân bón Hữu cơ Cửu Long", kCell, kPrivate, 12},
    {"BTR.XNKDBT", "Chi bộ Công ty Cổ phần Xuất nhập khẩu Dừa Bến Tre", kCell, kPrivate, 28},
    {"BTR.TDTP", "Chi bộ Công ty TNHH Sản xuất Thạch dừa Tân Phú", kCell, kPrivate, 11},
    {"BTR.CTGTBT", "Chi bộ Công ty Cổ phần Công trình giao thông Bến Tre", kCell, kPrivate, 21},
    {"BTR.TPSPT", "Chi bộ Công ty TNHH Thực phẩm Sạch Phước Thạnh", kCell, kPrivate, 11,
     "2023-04-21"},
    {"BTR.NNTT", "Chi bộ Công ty Cổ phần Nông nghiệp Công nghệ cao Tiên Thủy", kCell, kPrivate, 12},
    {"BTR.LGHL", "Chi bộ Công ty TNHH Logistics Hàm Luông", kCell, kPrivate, 9, "2022-09-08"},
    {"BTR.NHUAPT", "Chi bộ Công ty Cổ phần Nhựa Phú Tân", kCell, kPrivate, 14},
    {"BTR.GSLT", "Chi bộ Công ty TNHH Gốm sứ Lộc Thuận", kCell, kPrivate, 9},
    {"BTR.NLTH", "Chi bộ Công ty TNHH Năng lượng Mặt trời Thạnh Hải", kCell, kPrivate, 11,
     "2021-11-25"},
    {"BTR.DGBTX", "Chi bộ Công ty Cổ phần Điện gió Bến Tre Xanh", kCell, kPrivate, 12,
     "2022-02-17"},
    {"BTR.TACN", "Chi bộ Công ty Cổ phần Thức ăn chăn nuôi Phú Túc", kCell, kPrivate, 14},
    {"BTR.CDLMH", "Chi bộ Công ty TNHH Cơ điện lạnh Mỹ Hóa", kCell, kPrivate, 11},
    {"BTR.STBT", "Chi bộ Công ty Cổ phần Sách và Thiết bị trường học Bến Tre", kCell, kPrivate, 16},
    {"BTR.DTTT", "Chi bộ Công ty TNHH Đóng tàu Tân Thủy", kCell, kPrivate, 12, "2022-07-21"},
    {"BTR.INBT", "Chi bộ Công ty Cổ phần In Bến Tre", kCell, kPrivate, 14},
};

// Workers per member, in tenths, by sector: agencies are mostly members, enterprises mostly not.
int Workers(Sector sector, int members, SplitMix64& rng) {
  if (members == 0) return 0;
  switch (sector) {
    case Sector::kStateAgency:
      return members * rng.Between(13, 22) / 10;
    case Sector::kPublicServiceUnit:
      return members * rng.Between(18, 35) / 10;
    case Sector::kStateEnterprise:
      return members * rng.Between(35, 80) / 10;
    case Sector::kNonStateEnterprise:
      return members * rng.Between(80, 400) / 10;
    case Sector::kNone:
      break;
  }
  return members;
}

std::string ParentCode(const std::string& code) {
  const size_t dot = code.rfind('.');
  return dot == std::string::npos ? std::string() : code.substr(0, dot);
}

}  // namespace

std::vector<OrgService::ImportRow> DemoOrganizationRows() {
  SplitMix64 rng(20200801);  // the start of the term
  std::vector<OrgService::ImportRow> rows;
  std::map<std::string, int> last_order;  // parent code -> sort_order of its last child
  int line = 0;
  for (const DemoOrg& d : kOrgs) {
    OrgService::ImportRow row;
    row.line = ++line;
    row.parent_code = ParentCode(d.code);
    // Siblings are numbered 10, 20, ... in table order.
    const int order = (last_order[row.parent_code] += 10);
    OrgInput& in = row.input;
    in.code = d.code;
    in.name = d.name;
    in.kind = d.kind;
    in.sector = d.sector;
    in.sort_order = order;
    in.members = d.members;
    in.workers = Workers(d.sector, d.members, rng);
    in.valid_from = d.founded != nullptr ? ParseIsoDate(d.founded).value() : Date{2020, 1, 1};
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace nq::cli
