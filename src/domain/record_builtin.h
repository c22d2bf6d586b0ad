// Các loại hồ sơ có sẵn: the eleven built-in record types of issue 5, seeded on `init`, each a
// valid RecordType (record_type.h) with one version, Vietnamese labels with full diacritics.
//
//   code                     name                                            privacy   date
//   dissemination            Hội nghị quán triệt, triển khai                open      held_on
//   cell_meeting             Sinh hoạt chi bộ                                open      held_on
//   committee_meeting        Sinh hoạt cấp ủy                                open      held_on
//   inspection               Kiểm tra, giám sát                              personal  start_on
//   admission                Phát triển đảng viên                            personal  stage_on
//   quality_rating           Xếp loại chất lượng tổ chức đảng, đảng viên     open      rated_on
//   mass_mobilization_model  Mô hình “Dân vận khéo”                          open      recorded_on
//   role_model_pledge        Đăng ký nêu gương                               open      pledged_on
//   emulation_pledge         Đăng ký thi đua “Đồng khởi mới”                 open      pledged_on
//   workers_conference       Hội nghị người lao động, hội nghị cán bộ,       open      reported_on
//                            công chức, viên chức
//   training_course          Lớp bồi dưỡng lý luận chính trị, bồi dưỡng      open      start_on
//                            đảng viên mới
//
// Shared conventions: counts of people are whole numbers from 0 (members_present,
// members_total, workers_reached, participants, …) with rules "part <= total"; a year field is
// a whole number 2000..2100; candidate stages follow GLOSSARY.md (outstanding_mass →
// awareness_course → admitted → probationary → official). The sector of an admission (state
// agency, …, non-state enterprise) is not a field: it is the sector of the organization that
// keeps the record (Organization::sector), so it is never typed twice.
//
// Pure functions; thread-safe.
#pragma once

#include <vector>

#include "domain/record_type.h"

namespace nq {

inline constexpr char kRecordDissemination[] = "dissemination";
inline constexpr char kRecordCellMeeting[] = "cell_meeting";
inline constexpr char kRecordCommitteeMeeting[] = "committee_meeting";
inline constexpr char kRecordInspection[] = "inspection";
inline constexpr char kRecordAdmission[] = "admission";
inline constexpr char kRecordQualityRating[] = "quality_rating";
inline constexpr char kRecordMassMobilizationModel[] = "mass_mobilization_model";
inline constexpr char kRecordRoleModelPledge[] = "role_model_pledge";
inline constexpr char kRecordEmulationPledge[] = "emulation_pledge";
inline constexpr char kRecordWorkersConference[] = "workers_conference";
inline constexpr char kRecordTrainingCourse[] = "training_course";

// The built-in types in the order above, ids 0 (not stored), version 1.
std::vector<RecordType> BuiltinRecordTypes();

}  // namespace nq
