// App: the service layer assembled over one database — what web/ and cli/ hold and call.
// Owns the Database and the services; the services hold plain pointers to the database and to
// each other, so they live exactly as long as the App. Thread-safe after Open().
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "service/analytics_service.h"
#include "service/auth_service.h"
#include "service/data_service.h"
#include "service/org_service.h"
#include "service/plan_service.h"
#include "service/record_service.h"
#include "service/task_service.h"
#include "service/user_service.h"
#include "store/database.h"

namespace nq {

class App {
 public:
  // Opens (and migrates) the database at `db_url` (see store::Database::Open for the URL forms
  // and errors), adds the built-in record types it lacks (RecordService::SeedBuiltinTypes) and
  // loads the services (the analytics index with every stored value and record); fails if the
  // stored organization tree is inconsistent.
  static Result<std::unique_ptr<App>> Open(const std::string& db_url, int pool_size = 4);

  store::Database& db() { return *db_; }
  OrgService& orgs() { return *orgs_; }
  AuthService& auth() { return *auth_; }
  UserService& users() { return *users_; }
  PlanService& plans() { return *plans_; }
  AnalyticsService& analytics() { return *analytics_; }  // the value index, assessments
  DataService& data() { return *data_; }                 // elements, sets, values, approval
  TaskService& tasks() { return *tasks_; }               // assigned tasks, progress, evidence
  RecordService& records() { return *records_; }         // record types and records

 private:
  App() = default;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<OrgService> orgs_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<UserService> users_;
  std::unique_ptr<PlanService> plans_;
  std::unique_ptr<AnalyticsService> analytics_;  // before data_, which holds a pointer to it
  std::unique_ptr<DataService> data_;
  std::unique_ptr<TaskService> tasks_;
  std::unique_ptr<RecordService> records_;
};

}  // namespace nq
