#include "service/app.h"

#include <utility>

namespace nq {

Result<std::unique_ptr<App>> App::Open(const std::string& db_url, int pool_size) {
  std::unique_ptr<App> app(new App());
  NQ_ASSIGN_OR_RETURN(app->db_, store::Database::Open(db_url, pool_size));
  NQ_ASSIGN_OR_RETURN(app->orgs_, OrgService::Create(app->db_.get()));
  app->auth_ = std::make_unique<AuthService>(app->db_.get());
  app->users_ = std::make_unique<UserService>(app->db_.get(), app->orgs_.get(), app->auth_.get());
  app->plans_ = std::make_unique<PlanService>(app->db_.get(), app->orgs_.get());
  NQ_ASSIGN_OR_RETURN(app->analytics_, AnalyticsService::Create(app->db_.get(), app->orgs_.get(),
                                                                app->plans_.get()));
  app->data_ = std::make_unique<DataService>(app->db_.get(), app->orgs_.get(),
                                             app->analytics_.get());
  app->tasks_ = std::make_unique<TaskService>(app->db_.get(), app->orgs_.get());
  // The analytics index follows every committed record write (the indicators' record
  // functions read it).
  AnalyticsService* analytics = app->analytics_.get();
  RecordHooks hooks{[analytics](const RecordType& t) { analytics->OnRecordTypeChanged(t); },
                    [analytics](const Record& r) { analytics->OnRecordInserted(r); },
                    [analytics](int64_t id) { analytics->OnRecordErased(id); }};
  app->records_ =
      std::make_unique<RecordService>(app->db_.get(), app->orgs_.get(), std::move(hooks));
  store::Actor system;
  system.address = "startup";
  NQ_RETURN_IF_ERROR(app->records_->SeedBuiltinTypes(system).status());
  return app;
}

}  // namespace nq
