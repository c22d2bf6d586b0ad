// The home page (/): the signed-in user's organization, counts over their scope (organizations
// open today, grassroots organizations, sub-cells, members, workers), grassroots organizations
// by sector, and the resolutions of the terms in scope with their targets and breakthrough
// tasks (read through PlanService), and the card "Việc sắp đến hạn / quá hạn": the tasks owned
// in the user's scope that are overdue or due within 14 days (TaskService::DueSoon), overdue
// first, at most 8 listed, each linking to its task page.
// Thread-safety: the handler is thread-safe.
#pragma once

#include <string>

#include "domain/resolution.h"
#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddHomePage(Router& router, WebContext& ctx);

// How a target's value reads in the UI: "≥ 90%", "≤ 1%", "30–35 đảng viên", "Đạt".
std::string TargetValueVi(const Target& t);
// "1.300 đảng viên", "90%", "12" (no unit).
std::string WithUnit(const std::string& number, const std::string& unit);

}  // namespace nq::web
