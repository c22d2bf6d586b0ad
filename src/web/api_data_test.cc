// The reported-data API (api_data.h) through its handlers: definitions, the report form,
// values, approval, completeness — and scope, CSRF, bad input and locking.
#include "web/api_data.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "web/data_json.h"
#include "web/data_web_test_util.h"
#include "web/json_io.h"

namespace nq::web::api_data_test {
namespace {

using testing_util::DataWebTest;

class DataApiTest : public DataWebTest {
 protected:
  std::string FormPath(const std::string& org, const std::string& period) {
    return "/api/v1/data-sets/" + S(set_.id) + "/form?org=" + S(Id(org)) + "&period=" + period;
  }
  std::string ValuesBody(const std::string& org, const DataElement& e, const std::string& period,
                         const std::string& value_json) {
    return R"({"values":[{"org_id":)" + S(Id(org)) + R"(,"element_id":)" + S(e.id) +
           R"(,"period":")" + period + R"(","value":)" + value_json + "}]}";
  }
  std::string ReportPath(const std::string& org, const std::string& period,
                         const std::string& step) {
    return "/api/v1/reports/" + S(Id(org)) + "/" + S(set_.id) + "/" + period + "/" + step;
  }
};

TEST_F(DataApiTest, AdminDefinesElementsAndReporterOnlyReadsThem) {
  const Session admin = Login("quan.tri");
  HttpResponse created = Api(admin, "POST", "/api/v1/data-elements",
                             R"({"code":"new_members","name":"Số đảng viên mới kết nạp",)"
                             R"("type":"number","period_type":"yearly","min":0,)"
                             R"("unit":"đảng viên"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const nlohmann::json e = Body(created);
  EXPECT_EQ(e["code"], "new_members");
  EXPECT_EQ(e["period_type"], "yearly");
  EXPECT_EQ(e["min"], 0);
  EXPECT_TRUE(e["max"].is_null());
  const std::string path = "/api/v1/data-elements/" + S(e["id"].get<int64_t>());
  EXPECT_EQ(created.Header("Location"), path);

  HttpResponse patched = Api(admin, "PATCH", path, R"({"name":"Kết nạp đảng viên mới"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(Body(patched)["name"], "Kết nạp đảng viên mới");
  EXPECT_EQ(Body(patched)["unit"], "đảng viên");  // fields left out keep their value

  const Session reporter = Login("bao.cao.stc");
  HttpResponse read = Api(reporter, "GET", path);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(Body(read)["name"], "Kết nạp đảng viên mới");
  HttpResponse list = Api(reporter, "GET", "/api/v1/data-elements");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(Body(list)["items"].size(), 6u);

  HttpResponse denied = Api(reporter, "PATCH", path, R"({"name":"Đổi tên"})");
  EXPECT_EQ(denied.status, 403) << denied.body;
  EXPECT_EQ(ErrorKey(denied), "role.denied");
  EXPECT_EQ(Body(Api(admin, "GET", path))["name"], "Kết nạp đảng viên mới");
}

TEST_F(DataApiTest, RejectsMalformedDefinitions) {
  const Session admin = Login("quan.tri");
  HttpResponse unknown =
      Api(admin, "POST", "/api/v1/data-elements", R"({"code":"x1","name":"X","colour":"đỏ"})");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(ErrorKey(unknown), "json.unknown_field");
  HttpResponse bad_type =
      Api(admin, "POST", "/api/v1/data-elements", R"({"code":"x1","name":"X","type":"text"})");
  EXPECT_EQ(bad_type.status, 400);
  EXPECT_EQ(ErrorKey(bad_type), "json.bad_value");
  HttpResponse missing = Api(admin, "POST", "/api/v1/data-elements", R"({"code":"x1"})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(ErrorKey(missing), "json.missing_field");
  HttpResponse taken =
      Api(admin, "POST", "/api/v1/data-elements", R"({"code":"members_total","name":"Trùng mã"})");
  EXPECT_EQ(taken.status, 409) << taken.body;
  EXPECT_EQ(ErrorKey(taken), "element.code_taken");
  HttpResponse bad_rules = Api(admin, "POST", "/api/v1/data-sets",
                               R"({"code":"BC-2","name":"Hai","element_ids":[1],)"
                               R"("reporting_kinds":["base_cell"],"rules":[{"code":"R1"}]})");
  EXPECT_EQ(bad_rules.status, 400);
  EXPECT_EQ(ErrorKey(bad_rules), "json.missing_field");
}

TEST_F(DataApiTest, DataSetRoundTripsWithRules) {
  const Session admin = Login("quan.tri");
  HttpResponse got = Api(admin, "GET", "/api/v1/data-sets/" + S(set_.id));
  ASSERT_EQ(got.status, 200) << got.body;
  const nlohmann::json s = Body(got);
  EXPECT_EQ(s["code"], "BC-THANG");
  EXPECT_EQ(s["element_ids"].size(), 5u);
  EXPECT_EQ(s["element_ids"][0], total_.id);
  EXPECT_EQ(s["rules"][0]["condition"], "members_present <= members_total");

  HttpResponse patched = Api(admin, "PATCH", "/api/v1/data-sets/" + S(set_.id),
                             R"({"deadline_days":15,"reporting_kinds":["base_cell","sub_cell"]})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(Body(patched)["deadline_days"], 15);
  EXPECT_EQ(Body(patched)["reporting_kinds"], nlohmann::json({"base_cell", "sub_cell"}));
  EXPECT_EQ(Body(patched)["rules"].size(), 1u);

  HttpResponse bad_rule = Api(admin, "PATCH", "/api/v1/data-sets/" + S(set_.id),
                              R"({"rules":[{"code":"R9","condition":"members_total >",)"
                              R"("message":"Sai"}]})");
  EXPECT_EQ(bad_rule.status, 400) << bad_rule.body;
  EXPECT_EQ(Body(Api(admin, "GET", "/api/v1/data-sets/" + S(set_.id)))["rules"][0]["code"], "R1");
}

TEST_F(DataApiTest, ReporterReadsAndWritesOnlyOwnForm) {
  const Session stc = Login("bao.cao.stc");
  HttpResponse form = Api(stc, "GET", FormPath("DUK.STC", "2023M05"));
  ASSERT_EQ(form.status, 200) << form.body;
  const nlohmann::json f = Body(form);
  EXPECT_EQ(f["org"]["code"], "DUK.STC");
  EXPECT_EQ(f["period"], "2023M05");
  EXPECT_EQ(f["period_label"], "Tháng 5/2023");
  EXPECT_EQ(f["due"], "2023-06-10");
  EXPECT_EQ(f["report"]["state"], "draft");
  EXPECT_TRUE(f["editable"].get<bool>());
  ASSERT_EQ(f["elements"].size(), 5u);
  EXPECT_EQ(f["elements"][0]["code"], "members_total");
  EXPECT_TRUE(f["elements"][0]["value"].is_null());

  HttpResponse other = Api(stc, "GET", FormPath("DUK.SYT", "2023M05"));
  EXPECT_EQ(other.status, 403) << other.body;
  EXPECT_EQ(ErrorKey(other), "scope.denied");

  HttpResponse write_other =
      Api(stc, "POST", "/api/v1/data-values", ValuesBody("DUK.SYT", total_, "2023M05", "\"12\""));
  EXPECT_EQ(write_other.status, 403) << write_other.body;
  EXPECT_EQ(ErrorKey(write_other), "scope.denied");
  EXPECT_FALSE(Stored("DUK.SYT", total_, "2023M05").has_value());

  HttpResponse own = Api(stc, "POST", "/api/v1/data-values",
                         ValuesBody("DUK.STC", total_, "2023M05", "\"1.234\""));
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(Body(own)["items"][0]["value"]["value"], 1234);
  EXPECT_EQ(Body(own)["items"][0]["value"]["text"], "1.234");
  EXPECT_EQ(Stored("DUK.STC", total_, "2023M05"), 1234);

  HttpResponse reread = Api(stc, "GET", FormPath("DUK.STC", "2023M05"));
  EXPECT_EQ(Body(reread)["elements"][0]["value"]["value"], 1234);
}

TEST_F(DataApiTest, ValuesAsNumbersOrTextAllOrNothing) {
  const Session stc = Login("bao.cao.stc");
  const std::string org = S(Id("DUK.STC"));
  // A number for a percent, a category by its index, yes/no as text.
  HttpResponse mixed =
      Api(stc, "POST", "/api/v1/data-values",
          R"({"values":[{"org_id":)" + org + R"(,"element_id":)" + S(rate_.id) +
              R"(,"period":"2023M05","value":92.5,"estimate":true},)"
              R"({"org_id":)" +
              org + R"(,"element_id":)" + S(rating_.id) +
              R"(,"period":"2023M05","value":1},)"
              R"({"org_id":)" +
              org + R"(,"element_id":)" + S(held_.id) + R"(,"period":"2023M05","value":"có"}]})");
  ASSERT_EQ(mixed.status, 200) << mixed.body;
  EXPECT_EQ(Stored("DUK.STC", rate_, "2023M05"), 92.5);
  EXPECT_EQ(Stored("DUK.STC", rating_, "2023M05"), 1);
  EXPECT_EQ(Stored("DUK.STC", held_, "2023M05"), 1);
  EXPECT_TRUE(Body(mixed)["items"][0]["value"]["estimate"].get<bool>());
  EXPECT_EQ(Body(mixed)["items"][1]["value"]["text"], "HTTNV");

  // One bad item: nothing is written, and the error names it.
  HttpResponse bad =
      Api(stc, "POST", "/api/v1/data-values",
          R"({"values":[{"org_id":)" + org + R"(,"element_id":)" + S(total_.id) +
              R"(,"period":"2023M06","value":"30"},)"
              R"({"org_id":)" +
              org + R"(,"element_id":)" + S(rate_.id) + R"(,"period":"2023M06","value":"120"}]})");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(ErrorKey(bad), "value.out_of_range");
  EXPECT_FALSE(Stored("DUK.STC", total_, "2023M06").has_value());

  HttpResponse not_number = Api(stc, "POST", "/api/v1/data-values",
                                ValuesBody("DUK.STC", total_, "2023M06", "\"nhiều\""));
  EXPECT_EQ(not_number.status, 400);
  EXPECT_EQ(ErrorKey(not_number), "value.not_number");
  HttpResponse bad_period =
      Api(stc, "POST", "/api/v1/data-values", ValuesBody("DUK.STC", total_, "2023M13", "\"3\""));
  EXPECT_EQ(bad_period.status, 400);
  EXPECT_EQ(ErrorKey(bad_period), "period.invalid");
  HttpResponse bad_index =
      Api(stc, "POST", "/api/v1/data-values", ValuesBody("DUK.STC", rating_, "2023M06", "7"));
  EXPECT_EQ(bad_index.status, 400);
  EXPECT_EQ(ErrorKey(bad_index), "value.not_category");
  HttpResponse no_csrf = Api(stc, "POST", "/api/v1/data-values",
                             ValuesBody("DUK.STC", total_, "2023M06", "\"3\""), /*csrf=*/false);
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(ErrorKey(no_csrf), "csrf.invalid");
  EXPECT_FALSE(Stored("DUK.STC", total_, "2023M06").has_value());

  HttpResponse listed = Api(
      stc, "GET",
      "/api/v1/data-values?root=" + org + "&element=" + S(rate_.id) + "&periods=2023M01..2023M12");
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(Body(listed)["items"].size(), 1u);
  EXPECT_EQ(Body(listed)["items"][0]["text"], "92,5");
  HttpResponse listed_other = Api(stc, "GET", "/api/v1/data-values?root=" + S(Id("DUK.SYT")));
  EXPECT_EQ(listed_other.status, 403);
}

TEST_F(DataApiTest, SubmitApproveReopenAndLocking) {
  const Session stc = Login("bao.cao.stc");
  const Session committee = Login("ban.to.chuc");
  Seed("DUK.STC", total_, "2023M05", "20");
  Seed("DUK.STC", present_, "2023M05", "25");  // breaks R1

  HttpResponse refused = Api(stc, "POST", ReportPath("DUK.STC", "2023M05", "submit"));
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(ErrorKey(refused), "report.rules");
  const nlohmann::json form = Body(Api(stc, "GET", FormPath("DUK.STC", "2023M05")));
  ASSERT_EQ(form["violations"].size(), 1u);
  EXPECT_EQ(form["violations"][0]["code"], "R1");

  ASSERT_EQ(
      Api(stc, "POST", "/api/v1/data-values", ValuesBody("DUK.STC", present_, "2023M05", "18"))
          .status,
      200);
  HttpResponse submitted = Api(stc, "POST", ReportPath("DUK.STC", "2023M05", "submit"));
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(Body(submitted)["state"], "submitted");
  EXPECT_FALSE(Body(submitted)["submitted_at"].is_null());

  HttpResponse locked =
      Api(stc, "POST", "/api/v1/data-values", ValuesBody("DUK.STC", total_, "2023M05", "\"21\""));
  EXPECT_EQ(locked.status, 409) << locked.body;
  EXPECT_EQ(ErrorKey(locked), "value.locked");
  EXPECT_EQ(Stored("DUK.STC", total_, "2023M05"), 20);

  // The reporter cannot approve its own report; the committee above can.
  EXPECT_EQ(Api(stc, "POST", ReportPath("DUK.STC", "2023M05", "approve")).status, 403);
  HttpResponse approved = Api(committee, "POST", ReportPath("DUK.STC", "2023M05", "approve"));
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(Body(approved)["state"], "approved");
  HttpResponse reopened = Api(committee, "POST", ReportPath("DUK.STC", "2023M05", "reopen"));
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(Body(reopened)["state"], "draft");
  EXPECT_EQ(
      Api(stc, "POST", "/api/v1/data-values", ValuesBody("DUK.STC", total_, "2023M05", "\"21\""))
          .status,
      200);
  EXPECT_EQ(Stored("DUK.STC", total_, "2023M05"), 21);

  HttpResponse bad_period = Api(stc, "POST", ReportPath("DUK.STC", "tháng-5", "submit"));
  EXPECT_EQ(bad_period.status, 400);
  EXPECT_EQ(ErrorKey(bad_period), "period.invalid");
}

TEST_F(DataApiTest, CompletenessCountsEveryExpectedReporter) {
  const Session stc = Login("bao.cao.stc");
  const Session committee = Login("ban.to.chuc");
  Seed("DUK.STC", total_, "2023M05", "20");
  ASSERT_EQ(Api(stc, "POST", ReportPath("DUK.STC", "2023M05", "submit")).status, 200);

  HttpResponse board =
      Api(committee, "GET",
          "/api/v1/data-sets/" + S(set_.id) + "/completeness?period=2023M05&as_of=2023-06-05");
  ASSERT_EQ(board.status, 200) << board.body;
  const nlohmann::json b = Body(board);
  EXPECT_EQ(b["due"], "2023-06-10");
  EXPECT_EQ(b["as_of"], "2023-06-05");
  ASSERT_EQ(b["expected"], static_cast<int>(b["rows"].size()));
  EXPECT_EQ(b["expected"], 6);  // every organization of the tree reports BC-THANG
  EXPECT_EQ(b["on_time"].get<int>() + b["late"].get<int>() + b["missing"].get<int>() +
                b["not_due"].get<int>(),
            b["expected"].get<int>());
  bool found = false;
  for (const nlohmann::json& row : b["rows"]) {
    if (row["org"]["code"] != "DUK.STC") {
      // Not submitted and the due date not passed on 5 June.
      EXPECT_EQ(row["timeliness"], "not_due") << row.dump();
      continue;
    }
    found = true;
    EXPECT_EQ(row["state"], "submitted");
    EXPECT_FALSE(row["submitted_at"].is_null());
    EXPECT_EQ(row["values"], 1);
  }
  EXPECT_TRUE(found);

  HttpResponse scoped = Api(
      stc, "GET",
      "/api/v1/data-sets/" + S(set_.id) + "/completeness?period=2023M05&root=" + S(Id("DUK.SYT")));
  EXPECT_EQ(scoped.status, 403);
  HttpResponse no_period =
      Api(committee, "GET", "/api/v1/data-sets/" + S(set_.id) + "/completeness");
  EXPECT_EQ(no_period.status, 400);
  EXPECT_EQ(ErrorKey(no_period), "query.invalid");
}

TEST(DataJsonTest, ArrayAndNumberGettersAreStrict) {
  Result<JsonObjectReader> r = JsonObjectReader::Parse(
      R"({"n":2.5,"s":["a","b"],"i":[1,2],"o":[{"x":1}],"bad":[1,"2"],"big":[0,0,0]})");
  ASSERT_TRUE(r.ok());
  std::optional<double> n;
  EXPECT_TRUE(r->GetNumber("n", &n).ok());
  EXPECT_EQ(n, 2.5);
  std::optional<std::vector<std::string>> s;
  EXPECT_TRUE(r->GetStrings("s", 5, &s).ok());
  EXPECT_EQ(s, (std::vector<std::string>{"a", "b"}));
  std::optional<std::vector<int64_t>> i;
  EXPECT_TRUE(r->GetInts("i", 1, 2, 5, &i).ok());
  EXPECT_EQ(i, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(r->GetInts("i", 2, 9, 5, &i).key(), "json.out_of_range");
  std::optional<std::vector<JsonObjectReader>> o;
  ASSERT_TRUE(r->GetObjects("o", 5, &o).ok());
  std::optional<int64_t> x;
  EXPECT_TRUE((*o)[0].GetInt("x", 0, 9, &x).ok());
  EXPECT_EQ(x, 1);
  EXPECT_TRUE((*o)[0].Finish().ok());
  EXPECT_EQ(r->GetInts("bad", 0, 9, 5, &i).key(), "json.wrong_type");
  EXPECT_EQ(r->GetStrings("bad", 5, &s).key(), "json.wrong_type");
  EXPECT_EQ(r->GetInts("big", 0, 9, 2, &i).key(), "json.out_of_range");
  EXPECT_EQ(r->GetNumber("s", &n).key(), "json.wrong_type");
  EXPECT_EQ(r->GetObjects("i", 5, &o).key(), "json.wrong_type");
  EXPECT_TRUE(r->Finish().ok());
}

TEST(DataJsonTest, NumberTextReadsBackAsTheSameNumber) {
  DataElement e;
  e.type = ValueType::kNumber;
  for (double x : {0.0, 1.0, -3.0, 1234.5, 1.234, 0.001, 1e9, 123456789.125}) {
    const Result<double> back = ParseValue(e, NumberText(x));
    ASSERT_TRUE(back.ok()) << NumberText(x) << ": " << back.status().ToString();
    EXPECT_EQ(*back, x) << NumberText(x);
  }
}

}  // namespace
}  // namespace nq::web::api_data_test
