// `nqtrack import orgs FILE.csv` and `nqtrack export orgs [-o FILE]` (format: cli/org_csv.h).
#include <fstream>
#include <ostream>
#include <sstream>

#include "cli/cli11.h"
#include "cli/commands.h"
#include "cli/org_csv.h"
#include "service/app.h"

namespace nq::cli {


void DefineImportOrgs(CLI::App& sub, Args& a) {
  sub.add_option("FILE", a.file,
                 "CSV file (\"-\" reads stdin); header row: "
                 "code,name,kind,sector,parent_code,members,workers,valid_from,"
                 "sort_order")
      ->required();
}

int RunImportOrgs(const Args& a, Io& io) {
  Result<std::string> text = ReadInputFile(a.file, io);
  if (!text.ok()) return Fail(io, text.status());
  // Parse everything before touching the database: a bad file never needs a connection.
  auto rows = ParseOrgCsv(*text);
  if (!rows.ok()) return Fail(io, rows.status());
  auto app = OpenApp(a.db, 1, false);
  if (!app.ok()) return Fail(io, app.status());
  Result<int> written = (*app)->orgs().ImportAsSystem(*rows, CliActor());
  if (!written.ok()) {
    Status st = written.status();
    if (st.key() == "org.import_invalid") {
      st = Status::Invalid(st.key(),
                           "Tệp CSV có dòng không hợp lệ; chưa nhập dòng nào:\n" + st.message());
    }
    return Fail(io, st);
  }
  io.out << "Đã nhập " << rows->size() << " dòng: " << *written
         << " tổ chức được tạo mới hoặc thay đổi, " << rows->size() - *written
         << " tổ chức giữ nguyên\n";
  return kExitOk;
}

void DefineExportOrgs(CLI::App& sub, Args& a) {
  sub.add_option("-o,--output", a.output, "Write to this file instead of stdout");
}

int RunExportOrgs(const Args& a, Io& io) {
  auto app = OpenApp(a.db, 1, true);
  if (!app.ok()) return Fail(io, app.status());
  const std::string csv = WriteOrgCsv(*(*app)->orgs().tree());
  if (a.output.empty()) {
    io.out << csv << std::flush;
    return kExitOk;
  }
  const Status written = WriteOutputFile(a.output, csv);
  if (!written.ok()) return Fail(io, written);
  io.err << "Đã xuất " << (*app)->orgs().tree()->size() << " tổ chức vào " << a.output << "\n";
  return kExitOk;
}

}  // namespace nq::cli
