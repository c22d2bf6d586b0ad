#include "web/period_picker.h"

#include <optional>
#include <vector>

namespace nq::web {
namespace {

// Periods shown on either side of the selected one.
int WindowOf(PeriodType type) {
  switch (type) {
    case PeriodType::kYearly:
      return 5;
    case PeriodType::kSixMonthly:
      return 4;
    case PeriodType::kQuarterly:
      return 6;
    case PeriodType::kMonthly:
    case PeriodType::kWeekly:
      return 12;
    case PeriodType::kDaily:
      return 14;
  }
  return 6;
}

}  // namespace

Period DefaultPeriod(PeriodType type, const Date& today) {
  const std::optional<Period> current = Period::Containing(type, today);
  if (!current) return Period();
  const std::optional<Period> previous = current->Prev();
  return previous ? *previous : *current;
}

Period PeriodOfType(PeriodType type, const Period& p) {
  if (p.type() == type) return p;
  const std::optional<Period> q = Period::Containing(type, p.start());
  return q ? *q : p;
}

mstch::map PeriodPicker(const Period& selected, const Date& today,
                        const std::function<std::string(const Period&)>& link) {
  const std::optional<Period> current = Period::Containing(selected.type(), today);
  const int window = WindowOf(selected.type());
  std::vector<Period> periods;
  for (int i = -window; i <= window; ++i) {
    const std::optional<Period> p = selected.Shift(i);
    if (!p) continue;
    if (current && *p > *current && *p != selected) continue;
    periods.push_back(*p);
  }
  mstch::array options;
  // Newest first: the period one usually wants is near the top.
  for (auto it = periods.rbegin(); it != periods.rend(); ++it) {
    options.push_back(mstch::map{
        {"value", it->ToString()}, {"label", it->Label()}, {"selected", *it == selected}});
  }
  const std::optional<Period> prev = selected.Prev();
  const std::optional<Period> next = selected.Next();
  const bool has_next = next && (!current || *next <= *current);
  return mstch::map{
      {"period", selected.ToString()},
      {"period_label", selected.Label()},
      {"has_prev", prev.has_value()},
      {"prev_link", prev ? link(*prev) : std::string()},
      {"prev_label", prev ? prev->Label() : std::string()},
      {"has_next", has_next},
      {"next_link", has_next ? link(*next) : std::string()},
      {"next_label", has_next ? next->Label() : std::string()},
      {"period_options", std::move(options)},
  };
}

}  // namespace nq::web
