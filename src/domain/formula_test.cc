#include "domain/formula.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace nq::formula_test {
namespace {

using Kind = FormulaNode::Kind;

Formula ParseOrDie(std::string_view text) {
  Result<Formula> f = Formula::Parse(text);
  EXPECT_TRUE(f.ok()) << text << ": " << f.status().ToString();
  return f.ok() ? std::move(f).value() : *Formula::Parse("0");
}

// Evaluates over a fixed set of values; categories of "rating" are {"HTXSNV", "HTTNV", "HTNV"}.
Result<std::optional<double>> Eval(std::string_view text,
                                   const std::map<std::string, double>& values = {}) {
  NQ_ASSIGN_OR_RETURN(const Formula f, Formula::Parse(text));
  return f.EvaluatePlain(
      [&](std::string_view code) -> std::optional<double> {
        auto it = values.find(std::string(code));
        if (it == values.end()) return std::nullopt;
        return it->second;
      },
      [](std::string_view code, std::string_view cat) -> std::optional<double> {
        if (code != "rating") return std::nullopt;
        const std::vector<std::string> cats = {"HTXSNV", "HTTNV", "HTNV"};
        for (size_t i = 0; i < cats.size(); ++i) {
          if (cats[i] == cat) return static_cast<double>(i);
        }
        return std::nullopt;
      });
}

double Value(std::string_view text, const std::map<std::string, double>& values = {}) {
  Result<std::optional<double>> r = Eval(text, values);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().ToString();
  EXPECT_TRUE(r.ok() && r->has_value()) << text << " has no value";
  return r.ok() && r->has_value() ? **r : -12345;
}

// The error of parsing or evaluating `text`, as "key|message".
std::string Error(std::string_view text, const std::map<std::string, double>& values = {}) {
  Result<std::optional<double>> r = Eval(text, values);
  if (r.ok()) return "ok";
  return r.status().key() + "|" + r.status().message();
}

// The error of `text` as "key@position", the position read back from the message.
std::string ErrorAt(std::string_view text, const std::map<std::string, double>& values = {}) {
  Result<std::optional<double>> r = Eval(text, values);
  if (r.ok()) return "ok";
  const Status st = r.status();
  const std::string& m = st.message();
  const std::string lead = "Lỗi công thức ở vị trí ";
  if (m.rfind(lead, 0) != 0) return st.key() + "@?";
  return st.key() + "@" + m.substr(lead.size(), m.find(':') - lead.size());
}

TEST(FormulaTest, ArithmeticPrecedenceAndAssociativity) {
  EXPECT_EQ(Value("1+2*3"), 7);
  EXPECT_EQ(Value("(1+2)*3"), 9);
  EXPECT_EQ(Value("-2*3"), -6);
  EXPECT_EQ(Value("2-3-4"), -5);
  EXPECT_EQ(Value("8/4/2"), 1);
  EXPECT_EQ(Value("- -2"), 2);
  EXPECT_EQ(Value("10 - 2 * 3 + 4 / 2"), 6);
  EXPECT_DOUBLE_EQ(Value("0.5 + 1.25"), 1.75);
}

TEST(FormulaTest, UnaryMinusBindsTighterThanProduct) {
  const Formula f = ParseOrDie("-2*3");
  ASSERT_EQ(f.root().kind, Kind::kBinary);
  EXPECT_EQ(f.root().text, "*");
  EXPECT_EQ(f.root().position, 3);
  ASSERT_EQ(f.root().children[0]->kind, Kind::kUnary);
  EXPECT_EQ(f.root().children[0]->text, "-");
  EXPECT_EQ(f.root().children[0]->children[0]->number, 2);
}

TEST(FormulaTest, ComparisonsBindTighterThanLogic) {
  EXPECT_EQ(Value("1 < 2 and 3 > 4"), 0);
  EXPECT_EQ(Value("1 < 2 or 3 > 4"), 1);
  EXPECT_EQ(Value("1 + 1 == 2"), 1);
  EXPECT_EQ(Value("not 1 < 2"), 0);       // not (1 < 2)
  EXPECT_EQ(Value("not 0 and 0"), 0);     // (not 0) and 0
  EXPECT_EQ(Value("1 or 0 and 0"), 1);    // 1 or (0 and 0)
  EXPECT_EQ(Value("(1 or 0) and 0"), 0);
  EXPECT_EQ(Value("not not 3"), 1);
  EXPECT_EQ(Value("2 >= 2"), 1);
  EXPECT_EQ(Value("2 > 2"), 0);
  EXPECT_EQ(Value("2 <= 1"), 0);
  EXPECT_EQ(Value("2 != 3"), 1);
  EXPECT_EQ(Value("0.1 + 0.2 == 0.3"), 1);
  EXPECT_EQ(Value("1 AND 1 Or 0"), 1);  // keywords in any case

  const Formula f = ParseOrDie("a <= b or not c == 1");
  EXPECT_EQ(f.root().text, "or");
  EXPECT_EQ(f.root().children[0]->text, "<=");
  EXPECT_EQ(f.root().children[1]->text, "not");
  EXPECT_EQ(f.root().children[1]->children[0]->text, "==");
}

TEST(FormulaTest, ElementsAndMissingValues) {
  EXPECT_EQ(Value("members_present <= members_total",
                  {{"members_present", 40}, {"members_total", 45}}),
            1);
  EXPECT_EQ(Value("100 * good / rated", {{"good", 9}, {"rated", 12}}), 75);
  Result<std::optional<double>> r = Eval("a + b", {{"a", 1}});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
  r = Eval("a > 0 or b > 0", {{"a", 1}});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
  // A missing divisor is missing, not a division by zero.
  r = Eval("a / b", {{"a", 1}});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

TEST(FormulaTest, ElementCodesAreSortedUniqueAndCaseSensitive) {
  const Formula f = ParseOrDie("b + a * Members + a / members + round(c, 1)");
  EXPECT_EQ(f.ElementCodes(), (std::vector<std::string>{"Members", "a", "b", "c", "members"}));
  EXPECT_TRUE(ParseOrDie("1 + 2").ElementCodes().empty());
}

TEST(FormulaTest, UsesIndexOnlyForAggregateAndPeriodFunctions) {
  EXPECT_FALSE(ParseOrDie("a + b").UsesIndex());
  EXPECT_FALSE(ParseOrDie("round(abs(a), 1) + if(a > 0, 1, 2)").UsesIndex());
  EXPECT_TRUE(ParseOrDie("1 + sum(a)").UsesIndex());
  EXPECT_TRUE(ParseOrDie("count_if(a > 1)").UsesIndex());
  EXPECT_TRUE(ParseOrDie("year(a, 2022)").UsesIndex());
  EXPECT_TRUE(ParseOrDie("0.03 * term_start(a)").UsesIndex());
}

TEST(FormulaTest, FunctionNamesAreCaseInsensitive) {
  const Formula f = ParseOrDie("SUM(x) + Year(x, 2021)");
  EXPECT_EQ(f.root().children[0]->kind, Kind::kCall);
  EXPECT_EQ(f.root().children[0]->text, "sum");
  EXPECT_EQ(f.root().children[1]->text, "year");
  EXPECT_EQ(f.root().children[1]->children.size(), 2u);
}

TEST(FormulaTest, EveryFunctionChecksItsArity) {
  struct Case {
    const char* name;
    int min;
    int max;
  };
  const std::vector<Case> cases = {
      {"sum", 1, 1},        {"avg", 1, 1},        {"min", 1, 1},       {"max", 1, 1},
      {"count", 1, 1},      {"count_if", 1, 1},   {"year", 2, 2},      {"cumulative", 1, 1},
      {"term_start", 1, 1}, {"prev_year", 1, 1},  {"yearly_avg", 1, 1}, {"abs", 1, 1},
      {"round", 1, 2},      {"if", 3, 3},
  };
  for (const Case& c : cases) {
    for (int n = 0; n <= 4; ++n) {
      std::string args;
      for (int i = 0; i < n; ++i) args += i == 0 ? "2020" : ", 2020";
      const std::string text = "1 + " + std::string(c.name) + "(" + args + ")";
      Result<Formula> f = Formula::Parse(text);
      if (n >= c.min && n <= c.max) {
        EXPECT_TRUE(f.ok()) << text << ": " << f.status().ToString();
      } else {
        ASSERT_FALSE(f.ok()) << text;
        EXPECT_EQ(f.status().key(), "formula.arity") << text;
        const std::string need = c.min == c.max ? std::to_string(c.min)
                                                : std::to_string(c.min) + " hoặc " +
                                                      std::to_string(c.max);
        EXPECT_EQ(f.status().message(), "Lỗi công thức ở vị trí 5: hàm '" + std::string(c.name) +
                                            "' cần " + need + " đối số, ở đây có " +
                                            std::to_string(n))
            << text;
      }
    }
  }
}

TEST(FormulaTest, YearNeedsAYearLiteral) {
  EXPECT_EQ(Error("year(x, y)"),
            "formula.syntax|Lỗi công thức ở vị trí 9: đối số thứ hai của hàm 'year' phải là "
            "một năm, ví dụ 2022");
  EXPECT_EQ(ErrorAt("year(x, 2022.5)"), "formula.syntax@9");
  EXPECT_EQ(ErrorAt("year(x, 0)"), "formula.syntax@9");
}

TEST(FormulaTest, StringLiterals) {
  const Formula f = ParseOrDie("rating == \"Xuất sắc\"");
  ASSERT_EQ(f.root().children[1]->kind, Kind::kString);
  EXPECT_EQ(f.root().children[1]->text, "Xuất sắc");
  EXPECT_EQ(f.root().children[1]->position, 11);
  EXPECT_EQ(f.ElementCodes(), std::vector<std::string>{"rating"});

  EXPECT_EQ(Value("rating == \"HTTNV\"", {{"rating", 1}}), 1);
  EXPECT_EQ(Value("\"HTXSNV\" == rating", {{"rating", 1}}), 0);
  EXPECT_EQ(Value("rating <= \"HTTNV\"", {{"rating", 0}}), 1);  // categories compare by index
  EXPECT_EQ(Error("rating == \"KHAC\"", {{"rating", 1}}),
            "formula.type|Lỗi công thức ở vị trí 11: \"KHAC\" không phải là một mục của chỉ "
            "tiêu 'rating'");
  EXPECT_EQ(ErrorAt("1 + \"HTTNV\""), "formula.type@5");
  EXPECT_EQ(ErrorAt("rating + 1 == \"HTTNV\""), "formula.type@15");
  EXPECT_EQ(ErrorAt("\"a\" == \"a\""), "formula.type@1");
}

TEST(FormulaTest, SyntaxErrorsGivePositionsInCodePoints) {
  EXPECT_EQ(Error("(1 + 2"), "formula.syntax|Lỗi công thức ở vị trí 7: thiếu dấu ')'");
  EXPECT_EQ(Error("sum(a"), "formula.syntax|Lỗi công thức ở vị trí 6: thiếu dấu ')'");
  EXPECT_EQ(Error("summ(a)"),
            "formula.unknown_function|Lỗi công thức ở vị trí 1: hàm 'summ' không tồn tại");
  EXPECT_EQ(Error("1 + foo(2)"),
            "formula.unknown_function|Lỗi công thức ở vị trí 5: hàm 'foo' không tồn tại");
  // "Xuất sắc" is 8 code points but 11 bytes: the ')' is the 17th character.
  EXPECT_EQ(Error("r == \"Xuất sắc\" )"), "formula.syntax|Lỗi công thức ở vị trí 17: thừa dấu ')'");
  EXPECT_EQ(Error("\"Đảng viên\" + *"),
            "formula.syntax|Lỗi công thức ở vị trí 15: cần một số, một chỉ tiêu, một hàm hoặc "
            "dấu '(' nhưng gặp '*'");
  EXPECT_EQ(Error("1 +"),
            "formula.syntax|Lỗi công thức ở vị trí 4: cần một số, một chỉ tiêu, một hàm hoặc "
            "dấu '(' nhưng gặp cuối công thức");
  EXPECT_EQ(Error(""),
            "formula.syntax|Lỗi công thức ở vị trí 1: cần một số, một chỉ tiêu, một hàm hoặc "
            "dấu '(' nhưng gặp cuối công thức");
  EXPECT_EQ(Error("round(a b)"),
            "formula.syntax|Lỗi công thức ở vị trí 9: cần dấu ',' hoặc ')' nhưng gặp 'b'");
  EXPECT_EQ(Error("(a b)"), "formula.syntax|Lỗi công thức ở vị trí 4: cần dấu ')' nhưng gặp 'b'");
  EXPECT_EQ(Error("a = b"), "formula.syntax|Lỗi công thức ở vị trí 3: so sánh bằng viết là '=='");
  EXPECT_EQ(Error("1 + and"),
            "formula.syntax|Lỗi công thức ở vị trí 5: cần một giá trị nhưng gặp từ khóa 'and'");
  EXPECT_EQ(Error("\"chưa đóng"),
            "formula.syntax|Lỗi công thức ở vị trí 1: chuỗi chưa có dấu '\"' đóng");
  EXPECT_EQ(Error("1. + 2"), "formula.syntax|Lỗi công thức ở vị trí 3: cần chữ số sau dấu '.' "
                             "của số");
  EXPECT_EQ(Error("a + ; b"), "formula.syntax|Lỗi công thức ở vị trí 5: ký tự không hợp lệ ';'");
  EXPECT_EQ(Error("a + đ"), "formula.syntax|Lỗi công thức ở vị trí 5: ký tự không hợp lệ 'đ'");
  EXPECT_EQ(Error("a\t+\x01"), "formula.syntax|Lỗi công thức ở vị trí 4: ký tự không hợp lệ mã 0x01");
}

TEST(FormulaTest, TrailingGarbageIsAnError) {
  EXPECT_EQ(Error("1 2"),
            "formula.syntax|Lỗi công thức ở vị trí 3: thừa '2' sau một biểu thức đã trọn vẹn");
  EXPECT_EQ(Error("a + b)"), "formula.syntax|Lỗi công thức ở vị trí 6: thừa dấu ')'");
  EXPECT_EQ(Error("1.234,5"),
            "formula.syntax|Lỗi công thức ở vị trí 6: thừa dấu ','; số thập phân viết với dấu "
            "chấm, ví dụ 2.5");
  EXPECT_EQ(Error("a < b < c"),
            "formula.syntax|Lỗi công thức ở vị trí 7: không thể nối liền hai phép so sánh; "
            "dùng 'and'");
  EXPECT_EQ(ErrorAt("sum(a) sum(b)"), "formula.syntax@8");
}

TEST(FormulaTest, AggregatesDoNotNest) {
  EXPECT_EQ(Error("sum(a / max(b))"),
            "formula.syntax|Lỗi công thức ở vị trí 9: không thể dùng hàm 'max' bên trong hàm "
            "'sum'");
  EXPECT_TRUE(Formula::Parse("count_if(year(a, 2021) > 3) + sum(b)").ok());
  EXPECT_TRUE(Formula::Parse("sum(round(a / b, 2))").ok());
}

TEST(FormulaTest, InvalidUtf8IsRejectedWithItsPosition) {
  EXPECT_EQ(Error("\"ả\" + \xff"),
            "formula.syntax|Lỗi công thức ở vị trí 7: văn bản không phải UTF-8 hợp lệ");
  EXPECT_EQ(Error("a\xc3"),
            "formula.syntax|Lỗi công thức ở vị trí 2: văn bản không phải UTF-8 hợp lệ");
}

TEST(FormulaTest, DepthLimit) {
  const auto nested = [](int n) { return std::string(n, '(') + "1" + std::string(n, ')'); };
  EXPECT_EQ(Value(nested(64)), 1);
  EXPECT_EQ(Error(nested(65)),
            "formula.too_deep|Lỗi công thức ở vị trí 65: công thức lồng quá 64 cấp");
  std::string minus;
  for (int i = 0; i < 64; ++i) minus += "-";
  EXPECT_EQ(Value(minus + "1"), 1);
  EXPECT_EQ(ErrorAt("-" + minus + "1"), "formula.too_deep@65");
  std::string nots;
  for (int i = 0; i < 65; ++i) nots += "not ";
  EXPECT_EQ(ErrorAt(nots + "1"), "formula.too_deep@257");
  std::string calls;
  for (int i = 0; i < 65; ++i) calls += "abs(";
  EXPECT_EQ(ErrorAt(calls + "1" + std::string(65, ')')), "formula.too_deep@257");
  // Long flat sums are not deep.
  std::string flat = "1";
  for (int i = 0; i < 1000; ++i) flat += "+1";
  EXPECT_EQ(Value(flat), 1001);
}

TEST(FormulaTest, LengthLimit) {
  std::string ok = "1";
  while (ok.size() + 2 <= 4096) ok += "+1";
  EXPECT_TRUE(Formula::Parse(ok).ok());
  const std::string too_long = ok + "+1";
  ASSERT_EQ(too_long.size(), 4097u);
  EXPECT_EQ(Error(too_long),
            "formula.too_long|Công thức quá dài: 4097 byte, tối đa 4096 byte");
}

TEST(FormulaTest, DivisionByZeroNamesTheSlash) {
  EXPECT_EQ(Error("a / (b - b)", {{"a", 1}, {"b", 2}}),
            "formula.div_zero|Lỗi công thức ở vị trí 3: chia cho 0");
  EXPECT_EQ(Error("rating == \"HTNV\" or 1 / 0", {{"rating", 2}}),
            "formula.div_zero|Lỗi công thức ở vị trí 23: chia cho 0");
  EXPECT_EQ(Error("2 * (1 + 4 / 0)"), "formula.div_zero|Lỗi công thức ở vị trí 12: chia cho 0");
  // if() evaluates only the branch it takes.
  EXPECT_EQ(Value("if(b == 0, 0, a / b)", {{"a", 1}, {"b", 0}}), 0);
  EXPECT_EQ(Value("if(b == 0, 0, a / b)", {{"a", 1}, {"b", 4}}), 0.25);
}

TEST(FormulaTest, PlainFunctions) {
  EXPECT_EQ(Value("abs(-3)"), 3);
  EXPECT_EQ(Value("round(2.5)"), 3);
  EXPECT_EQ(Value("round(-2.5)"), -3);
  EXPECT_DOUBLE_EQ(Value("round(1234.5678, 2)"), 1234.57);
  EXPECT_EQ(Value("round(1234, -2)"), 1200);
  EXPECT_EQ(Value("if(1 > 2, 10, 20)"), 20);
  Result<std::optional<double>> r = Eval("if(a > 1, 1, 2)");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

TEST(FormulaTest, IndexFunctionsAreRefusedInPlainEvaluation) {
  EXPECT_EQ(Error("a + sum(a)", {{"a", 1}}),
            "formula.type|Lỗi công thức ở vị trí 5: hàm 'sum' cần số liệu tổng hợp, không dùng "
            "được trong quy tắc kiểm tra");
}

TEST(FormulaTest, NumbersTooLargeAreErrors) {
  const std::string big(300, '9');
  EXPECT_EQ(ErrorAt(big + " * " + big), "formula.overflow@302");
  EXPECT_EQ(Error("1 + " + std::string(400, '9')),
            "formula.syntax|Lỗi công thức ở vị trí 5: số quá lớn");
}

// --- record functions (issue 5) -------------------------------------------------------------

TEST(FormulaTest, RecordFunctionsCheckTheirArity) {
  struct Case {
    const char* name;
    int min;
    int max;
  };
  const std::vector<Case> cases = {
      {"record_count", 1, 2}, {"record_sum", 2, 3},    {"record_avg", 2, 3},
      {"record_min", 2, 3},   {"record_max", 2, 3},    {"record_orgs", 2, 3},
      {"record_months", 2, 3}, {"record_share", 2, 3},
  };
  for (const Case& c : cases) {
    for (int n = 0; n <= 4; ++n) {
      std::string args;
      for (int i = 0; i < n; ++i) args += i == 0 ? "cell_meeting" : ", 2";
      const std::string text = "1 + " + std::string(c.name) + "(" + args + ")";
      Result<Formula> f = Formula::Parse(text);
      if (n >= c.min && n <= c.max) {
        EXPECT_TRUE(f.ok()) << text << ": " << f.status().ToString();
      } else {
        ASSERT_FALSE(f.ok()) << text;
        EXPECT_EQ(f.status().key(), "formula.arity") << text;
        EXPECT_EQ(f.status().message(),
                  "Lỗi công thức ở vị trí 5: hàm '" + std::string(c.name) + "' cần " +
                      std::to_string(c.min) + " hoặc " + std::to_string(c.max) +
                      " đối số, ở đây có " + std::to_string(n))
            << text;
      }
    }
  }
}

TEST(FormulaTest, RecordFunctionsNeedABareTypeName) {
  EXPECT_EQ(Error("record_count(1)"),
            "formula.syntax|Lỗi công thức ở vị trí 14: đối số thứ nhất của hàm 'record_count' "
            "phải là mã một loại hồ sơ, ví dụ cell_meeting");
  EXPECT_EQ(ErrorAt("record_sum(\"cell_meeting\", x)"), "formula.syntax@12");
  EXPECT_EQ(ErrorAt("2 * record_avg(a + b, x)"), "formula.syntax@18");  // the '+'

  EXPECT_TRUE(Formula::Parse("record_count((cell_meeting))").ok());  // parentheses make no node
}

TEST(FormulaTest, RecordCountsOfOrganizationsNeedAWholeNumber) {
  EXPECT_EQ(Error("record_orgs(cell_meeting, 0)"),
            "formula.syntax|Lỗi công thức ở vị trí 27: đối số thứ hai của hàm 'record_orgs' "
            "phải là một số nguyên từ 1 trở lên (số hồ sơ tối thiểu), ví dụ 1");
  EXPECT_EQ(ErrorAt("record_months(cell_meeting, 1.5)"), "formula.syntax@29");
  EXPECT_EQ(ErrorAt("record_share(cell_meeting, n)"), "formula.syntax@28");
  EXPECT_EQ(ErrorAt("record_share(cell_meeting, 2 * 3)"), "formula.syntax@30");
  EXPECT_TRUE(Formula::Parse("record_months(cell_meeting, 1, kind == \"regular\")").ok());
}

TEST(FormulaTest, RecordFunctionsTakeOnlyFieldsInside) {
  EXPECT_EQ(Error("record_count(cell_meeting, sum(x) > 1)"),
            "formula.syntax|Lỗi công thức ở vị trí 28: không thể dùng hàm 'sum' bên trong hàm "
            "'record_count'");
  EXPECT_EQ(Error("record_sum(cell_meeting, year(x, 2022))"),
            "formula.syntax|Lỗi công thức ở vị trí 26: trong hàm 'record_sum' chỉ dùng các "
            "trường của hồ sơ, không dùng hàm 'year'");
  EXPECT_EQ(ErrorAt("record_sum(a, record_count(b))"), "formula.syntax@15");
  EXPECT_EQ(ErrorAt("sum(record_count(b))"), "formula.syntax@5");
  EXPECT_EQ(ErrorAt("count_if(record_count(b) > 1)"), "formula.syntax@10");
  // Plain functions are fine, and period functions may wrap a record function.
  EXPECT_TRUE(Formula::Parse("record_avg(inspection, round(abs(end_on - start_on), 0), "
                             "if(violation, 1, 0) == 1)")
                  .ok());
  EXPECT_TRUE(Formula::Parse("year(record_count(cell_meeting), 2022) + "
                             "cumulative(record_count(admission, stage == \"admitted\"))")
                  .ok());
}

TEST(FormulaTest, RecordTypeCodesAreNotElementCodes) {
  const Formula f = ParseOrDie(
      "100 * record_orgs(cell_meeting, 1, kind == \"thematic\") / members + "
      "record_sum(dissemination, workers_reached) + year(record_count(admission), 2022) + "
      "record_count(cell_meeting)");
  EXPECT_EQ(f.ElementCodes(), (std::vector<std::string>{"members"}));
  EXPECT_EQ(f.RecordTypeCodes(),
            (std::vector<std::string>{"admission", "cell_meeting", "dissemination"}));
  EXPECT_TRUE(f.UsesIndex());
  EXPECT_TRUE(ParseOrDie("a + b").RecordTypeCodes().empty());
  EXPECT_TRUE(ParseOrDie("record_count(x)").ElementCodes().empty());
}

TEST(FormulaTest, RecordFunctionsAreRefusedInPlainEvaluation) {
  EXPECT_EQ(ErrorAt("record_count(cell_meeting) > 1"), "formula.type@1");
}

}  // namespace
}  // namespace nq::formula_test
