#include "domain/record_version.h"

#include <string>
#include <utility>

namespace nq {
namespace {

Status Breaking(const std::string& what) {
  return Status::Invalid("record_type.breaking_change",
                         what + " vì loại hồ sơ đã có hồ sơ ghi theo phiên bản trước");
}

}  // namespace

Status CheckNewVersion(const RecordTypeVersion& current, const RecordTypeVersion& next,
                       bool has_records) {
  if (!has_records) return Status::Ok();
  for (const FieldDef& now : current.fields) {
    const FieldDef* then = next.Find(now.code);
    if (then == nullptr) continue;  // removed: old records keep it in their version
    if (then->type != now.type) {
      return Breaking("Không thể đổi kiểu của trường '" + now.label + "' (" + now.code + ") từ " +
                      FieldTypeLabel(now.type) + " sang " + FieldTypeLabel(then->type) +
                      "; hãy thêm một trường mới với mã khác");
    }
    for (const CategoryOption& o : now.options) {
      if (FindOption(*then, o.code) == nullptr) {
        return Breaking("Không thể bỏ lựa chọn '" + o.label + "' (" + o.code + ") của trường '" +
                        now.label + "'");
      }
    }
  }
  return Status::Ok();
}

Result<RecordType> ReviseRecordType(const RecordType& type, RecordTypeVersion next,
                                    bool has_records) {
  const RecordTypeVersion* last = type.Current();
  if (last == nullptr) {
    return Status::Invalid("record_type.versions_invalid", "Loại hồ sơ chưa có phiên bản nào");
  }
  RecordType out = type;
  if (!has_records) {
    next.number = last->number;
    out.versions.back() = std::move(next);
  } else {
    if (next.SameContent(*last)) return out;
    NQ_RETURN_IF_ERROR(CheckNewVersion(*last, next, true));
    next.number = last->number + 1;
    out.versions.push_back(std::move(next));
  }
  NQ_RETURN_IF_ERROR(ValidateRecordType(out));
  return out;
}

Status CheckRecordTypeEdit(const RecordType& before, const RecordType& after, bool has_records) {
  if (!has_records) return Status::Ok();
  if (after.code != before.code) {
    return Breaking("Không thể đổi mã loại hồ sơ '" + before.code + "'");
  }
  if (after.date_field != before.date_field) {
    return Breaking("Không thể đổi trường ngày của hồ sơ '" + before.date_field + "'");
  }
  return Status::Ok();
}

}  // namespace nq
