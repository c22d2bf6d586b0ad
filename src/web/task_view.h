// How assigned tasks (nhiệm vụ được giao, domain/task.h) read in the HTML pages: the state
// badge and its colour, the deadline and product in Vietnamese, and the template context of a
// task row — shared by the task board, the task page, the key projects' timeline
// (pages_tasks.h) and the home page's "Việc sắp đến hạn / quá hạn" card (pages_home.h).
//
// State colours follow the dashboard's status colours (pages_dashboard.h): done on time green
// ("success", as ĐẠT), done late teal (done, but not as asked), open within the deadline blue
// ("primary", as ĐÚNG TIẾN ĐỘ), overdue red ("danger", as KHÔNG ĐẠT), not yet assigned grey.
// Each is a Bootstrap colour name: templates print "text-bg-<colour>" for badges and
// "nq-progress-<colour>" for progress bars (web/tasks.css adds teal).
//
// Pure functions; thread-safe. A page takes the organization tree and today's date once and
// passes them to every row.
#pragma once

#include <cstdint>
#include <mstch/mstch.hpp>
#include <string>

#include "common/time.h"
#include "domain/org_tree.h"
#include "domain/task.h"
#include "domain/task_status.h"
#include "service/task_service.h"

namespace nq::web {

// "success", "teal", "primary", "danger", "secondary" (see above).
const char* TaskStateColour(TaskState s);

// {state, state_label, colour} for the badge partial templates/task_badge.mustache.
mstch::map TaskStateContext(TaskState s);

// "/tasks/12", or "/tasks/12?as_of=2023-05-17" when as_of is not `today`.
std::string TaskPath(int64_t id, const Date& as_of, const Date& today);

// The deadline as the board shows it: "31/3/2023" for a one-off task; for a recurring one
// "Hằng tháng, hạn 10 ngày sau mỗi kỳ" (+ ", đến Tháng 12/2025" with an end).
std::string DeadlineText(const AssignedTask& t);

// The product as the board shows it: "Văn bản số 15-KH/ĐUK ngày 3/3/2023" once issued, else
// "Văn bản cụ thể hóa (chưa ban hành)"; "Công trình, dự án: <name>"; "Báo cáo số 12-BC/ĐU" or
// "Báo cáo"; "—" for none.
std::string ProductText(const AssignedTask& t);

// How far the next deadline is from `as_of`: "Quá hạn 3 ngày", "Đến hạn hôm nay",
// "Còn 5 ngày"; "" without a deadline.
std::string DueInText(const std::optional<Date>& next_due, const Date& as_of);

// A task row for the templates: id, url, title, is_subtask, owner_name (from `tree`), owner_url
// (the board for that organization), deadline, product, percent, next_due, due_in, overdue (its
// next deadline has passed) and the state context above. Links carry as_of unless it is `today`.
mstch::map TaskRowContext(const OrgTree& tree, const TaskRow& row, const Date& as_of,
                          const Date& today);

}  // namespace nq::web
