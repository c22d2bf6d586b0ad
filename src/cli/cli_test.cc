#include "cli/cli.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/demo_data.h"
#include "service/password.h"

namespace nq::cli::cli_test {
namespace {

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

Outcome RunCli(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), "nqtrack");
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  Io io{in, out, err, false};
  Outcome o;
  o.code = Run(args, io);
  o.out = out.str();
  o.err = err.str();
  return o;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// --- argument handling (no database) -------------------------------------------------------------

TEST(CliTest, TopLevelHelpListsEveryCommand) {
  Outcome o = RunCli({"--help"});
  EXPECT_EQ(o.code, kExitOk);
  for (const char* name : {"init", "demo", "serve", "user", "import", "export"}) {
    EXPECT_TRUE(Contains(o.out, name)) << name;
  }
}

TEST(CliTest, EverySubCommandHasHelp) {
  const std::vector<std::vector<std::string>> commands = {
      {"init"},        {"demo"},           {"serve"},        {"user"},
      {"user", "add"}, {"user", "passwd"}, {"user", "list"}, {"user", "disable"},
      {"import"},      {"import", "orgs"}, {"export"},       {"export", "orgs"}};
  for (auto args : commands) {
    const std::string name = args.back();
    args.push_back("--help");
    Outcome o = RunCli(args);
    EXPECT_EQ(o.code, kExitOk) << name << ": " << o.err;
    EXPECT_TRUE(Contains(o.out, name)) << name;
  }
  EXPECT_TRUE(Contains(RunCli({"serve", "--help"}).out, "--behind-tls"));
  EXPECT_TRUE(Contains(RunCli({"user", "add", "--help"}).out, "--full-name"));
  EXPECT_TRUE(Contains(RunCli({"demo", "--help"}).out, "--db"));
}

TEST(CliTest, UsageErrorsExitWithTwoAndAVietnameseMessage) {
  const std::vector<std::vector<std::string>> bad = {
      {},
      {"frobnicate"},
      {"user"},
      {"user", "add", "an"},  // required options missing
      {"user", "add", "an", "--full-name", "An", "--role", "boss", "--org", "BTR"},
      {"serve", "--port", "http"},
      {"serve", "--port", "70000"},
      {"import", "orgs"},
      {"--log-level", "loud", "user", "list"},
      {"demo", "--no-such-flag"},
  };
  for (const auto& args : bad) {
    Outcome o = RunCli(args);
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    EXPECT_EQ(o.code, kExitUsage) << joined << o.err;
    EXPECT_TRUE(Contains(o.err, "Lỗi:")) << joined << o.err;
  }
}

// --- commands on a throwaway SQLite database
// -------------------------------------------------------

class CliDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SetCheapPasswordHashingForTests(true);
    dir_ = std::filesystem::temp_directory_path() /
           ("nqtrack_cli_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = "sqlite:" + (dir_ / "sub" / "t.db").string();
  }
  void TearDown() override {
    std::filesystem::remove_all(dir_);
    SetCheapPasswordHashingForTests(false);
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(Path(name), std::ios::binary) << text;
  }
  std::string Read(const std::string& name) const {
    std::ifstream in(Path(name), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::string Export() {
    Outcome o = RunCli({"export", "orgs", "--db", db_});
    EXPECT_EQ(o.code, kExitOk) << o.err;
    return o.out;
  }

  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(CliDbTest, InitNeedsARootOnAnEmptyDatabaseThenCreatesRootAndAdmin) {
  Outcome o = RunCli({"init", "--db", db_});
  EXPECT_EQ(o.code, kExitFailure);
  EXPECT_TRUE(Contains(o.err, "--root-code")) << o.err;

  o = RunCli({"init", "--db", db_, "--root-code", "BTR", "--root-name", "Đảng bộ Khối",
              "--admin-password", "mat-khau-dai"});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  // Idempotent: a second run keeps the admin and the root.
  o = RunCli({"init", "--db", db_, "--admin-password", "khac-han-roi"});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  o = RunCli({"user", "list", "--db", db_});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  EXPECT_TRUE(Contains(o.out, "admin"));
  EXPECT_TRUE(Contains(o.out, "1 người dùng"));
}

TEST_F(CliDbTest, UserCommandsAddListSetPasswordDisable) {
  ASSERT_EQ(RunCli({"init", "--db", db_, "--root-code", "BTR", "--root-name", "Khối"}).code,
            kExitOk);
  Outcome o = RunCli({"user", "add", "baocao", "--db", db_, "--full-name", "Phạm Thị Hân", "--role",
                      "reporter", "--org", "NOPE"},
                     "mat-khau-dai\n");
  EXPECT_EQ(o.code, kExitFailure);
  EXPECT_TRUE(Contains(o.err, "NOPE"));
  // The password comes from stdin when it is not a terminal.
  o = RunCli({"user", "add", "baocao", "--db", db_, "--full-name", "Phạm Thị Hân", "--role",
              "reporter", "--org", "BTR"},
             "mat-khau-dai\n");
  ASSERT_EQ(o.code, kExitOk) << o.err;
  o = RunCli({"user", "add", "baocao", "--db", db_, "--full-name", "Lần hai", "--role", "viewer",
              "--org", "BTR", "--password", "mat-khau-dai"});
  EXPECT_EQ(o.code, kExitFailure);  // taken
  o = RunCli({"user", "passwd", "baocao", "--db", db_}, "123\n");
  EXPECT_EQ(o.code, kExitFailure);  // too weak
  o = RunCli({"user", "passwd", "baocao", "--db", db_}, "");
  EXPECT_EQ(o.code, kExitFailure);  // nothing given
  EXPECT_EQ(RunCli({"user", "passwd", "baocao", "--db", db_}, "mat-khau-moi\n").code, kExitOk);
  EXPECT_EQ(RunCli({"user", "disable", "baocao", "--db", db_}).code, kExitOk);
  EXPECT_EQ(RunCli({"user", "disable", "khongco", "--db", db_}).code, kExitFailure);
  o = RunCli({"user", "list", "--db", db_});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  EXPECT_TRUE(Contains(o.out, "Phạm Thị Hân"));
  EXPECT_TRUE(Contains(o.out, "Đã khóa"));
}

TEST_F(CliDbTest, UserCommandsRefuseAMissingDatabaseFile) {
  Outcome o = RunCli({"user", "list", "--db", db_});
  EXPECT_EQ(o.code, kExitFailure);
  EXPECT_FALSE(std::filesystem::exists(db_.substr(7)));
}

TEST_F(CliDbTest, ImportIsAllOrNothingIdempotentAndRoundTrips) {
  const std::string header =
      "code,name,kind,sector,parent_code,members,workers,valid_from,"
      "sort_order\n";
  Write("good.csv", header +
                        "BTR,Đảng bộ Khối,bloc_committee,none,,0,0,2020-01-01,0\n"
                        "BTR.STC,Đảng bộ Sở Tài chính,base_committee,state_agency,BTR,0,0,,10\n"
                        "BTR.STC.VP,\"Chi bộ Văn phòng, Sở\",sub_cell,state_agency,BTR.STC,12,"
                        "20,2021-03-01,10\n");
  Outcome o = RunCli({"import", "orgs", Path("good.csv"), "--db", db_});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  const std::string first = Export();

  // Three bad lines (3, 4, 6): every one reported, nothing written.
  Write("bad.csv", header +
                       "BTR.SYT,Đảng bộ Sở Y tế,base_committee,state_agency,BTR,0,0,,20\n"
                       "BTR.X,Chi bộ X,chi_bo,state_agency,BTR,1,1,,\n"
                       "BTR.Y,Chi bộ Y,base_cell,state_agency,BTR,nhiều,1,,\n"
                       "BTR.Z,Chi bộ Z,base_cell,state_agency,BTR,3,4,,\n"
                       "BTR.W,Chi bộ W,base_cell,state_agency,BTR,3,4,2021-13-01,\n");
  o = RunCli({"import", "orgs", Path("bad.csv"), "--db", db_});
  EXPECT_EQ(o.code, kExitFailure);
  for (const char* line : {"dòng 3:", "dòng 4:", "dòng 6:"}) {
    EXPECT_TRUE(Contains(o.err, line)) << line << "\n" << o.err;
  }
  EXPECT_FALSE(Contains(o.err, "dòng 2:"));
  EXPECT_FALSE(Contains(o.err, "dòng 5:"));
  EXPECT_EQ(Export(), first);

  // A row the service rejects (unknown parent) also changes nothing.
  Write("orphan.csv", header + "BTR.Q,Chi bộ Q,base_cell,state_agency,BTR.NONE,3,4,,\n");
  o = RunCli({"import", "orgs", Path("orphan.csv"), "--db", db_});
  EXPECT_EQ(o.code, kExitFailure);
  EXPECT_TRUE(Contains(o.err, "dòng 2:")) << o.err;
  EXPECT_EQ(Export(), first);

  // Importing the same file again changes nothing; the export imports back unchanged.
  o = RunCli({"import", "orgs", Path("good.csv"), "--db", db_});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  EXPECT_TRUE(Contains(o.out, "0 tổ chức được tạo mới hoặc thay đổi")) << o.out;
  EXPECT_EQ(Export(), first);
  ASSERT_EQ(RunCli({"export", "orgs", "--db", db_, "-o", Path("out.csv")}).code, kExitOk);
  EXPECT_EQ(Read("out.csv"), first);
  const std::string other = "sqlite:" + Path("other.db");
  ASSERT_EQ(RunCli({"import", "orgs", Path("out.csv"), "--db", other}).code, kExitOk);
  Outcome again = RunCli({"export", "orgs", "--db", other});
  EXPECT_EQ(again.out, first);
  EXPECT_TRUE(Contains(first, "\"Chi bộ Văn phòng, Sở\""));
  EXPECT_TRUE(Contains(first, "2021-03-01"));
}

// Two tests of one demo each, not one of two: under ASan a demo takes half a minute, and the
// shards of `make test` run the two at once. That the demo is the same every time is what the
// golden reviews of tests/http/golden.test.mjs check, on a demo made by each build.
TEST_F(CliDbTest, DemoCreatesTheDataOnceAndRefusesToOverwriteIt) {
  Outcome o = RunCli({"demo", "--db", db_});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  EXPECT_TRUE(Contains(o.out, kDemoPassword));
  for (const DemoUser& u : DemoUsers()) EXPECT_TRUE(Contains(o.out, u.username)) << u.username;
  EXPECT_TRUE(Contains(o.out, "01-NQ/ĐUK"));
  const std::string exported = Export();
  EXPECT_TRUE(Contains(exported, "BTR.STC,Đảng bộ Sở Tài chính,base_committee"));

  o = RunCli({"demo", "--db", db_});
  EXPECT_EQ(o.code, kExitFailure);
  EXPECT_TRUE(Contains(o.err, "--force")) << o.err;
  EXPECT_EQ(Export(), exported);  // refused: nothing changed
}

TEST_F(CliDbTest, DemoWithForceReplacesADatabaseThatHasData) {
  Outcome o = RunCli({"init", "--db", db_, "--root-code", "KHAC", "--root-name", "Đảng bộ khác",
                      "--admin-password", "mat-khau-dai"});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  ASSERT_TRUE(Contains(Export(), "KHAC,Đảng bộ khác"));
  o = RunCli({"demo", "--db", db_});
  EXPECT_EQ(o.code, kExitFailure);
  EXPECT_TRUE(Contains(o.err, "--force")) << o.err;

  o = RunCli({"demo", "--db", db_, "--force"});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  const std::string exported = Export();
  EXPECT_TRUE(Contains(exported, "BTR.STC,Đảng bộ Sở Tài chính,base_committee"));
  EXPECT_FALSE(Contains(exported, "KHAC")) << exported;
  o = RunCli({"user", "list", "--db", db_});
  EXPECT_TRUE(Contains(o.out, "5 người dùng")) << o.out;
}

}  // namespace
}  // namespace nq::cli::cli_test
