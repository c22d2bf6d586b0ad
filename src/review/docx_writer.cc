// Zips the parts of docx_parts.h in memory; the only place libzip is used for writing.
#include "review/docx_writer.h"

#include <zip.h>

#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

#include "common/utf8.h"
#include "review/docx_parts.h"

namespace nq::review {
namespace {

// Every entry is dated 2023-01-01 so that the same document gives the same bytes.
constexpr time_t kEntryTime = 1672531200;

Status ZipFailed(const std::string& detail) {
  return Status::Internal("docx.zip_failed", "Không tạo được tệp Word: " + detail);
}

using SourcePtr = std::unique_ptr<zip_source_t, decltype(&zip_source_free)>;

// Adds the parts to the archive and closes it; the archive is freed either way.
Status AddAndClose(zip_t* za, const std::vector<docx::Part>& parts) {
  for (const docx::Part& part : parts) {
    // The buffers are read at zip_close, while `parts` is still alive (freep = 0: not owned).
    zip_source_t* s = zip_source_buffer(za, part.xml.data(), part.xml.size(), 0);
    const zip_int64_t index =
        s == nullptr ? -1 : zip_file_add(za, part.name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (index < 0 || zip_file_set_mtime(za, static_cast<zip_uint64_t>(index), kEntryTime, 0) < 0) {
      if (s != nullptr && index < 0) zip_source_free(s);
      Status status = ZipFailed(part.name + ": " + zip_strerror(za));
      zip_discard(za);
      return status;
    }
  }
  if (zip_close(za) < 0) {
    Status status = ZipFailed(zip_strerror(za));
    zip_discard(za);
    return status;
  }
  return Status::Ok();
}

Result<std::string> ReadAll(zip_source_t* src) {
  if (zip_source_open(src) < 0) return ZipFailed(zip_error_strerror(zip_source_error(src)));
  std::string bytes;
  if (zip_source_seek(src, 0, SEEK_END) == 0) {
    const zip_int64_t size = zip_source_tell(src);
    if (size >= 0 && zip_source_seek(src, 0, SEEK_SET) == 0) {
      bytes.resize(static_cast<size_t>(size));
      if (zip_source_read(src, bytes.data(), bytes.size()) == size) {
        zip_source_close(src);
        return bytes;
      }
    }
  }
  Status status = ZipFailed(zip_error_strerror(zip_source_error(src)));
  zip_source_close(src);
  return status;
}

}  // namespace

Result<std::string> WriteDocx(const Document& doc) {
  const std::vector<docx::Part> parts = docx::PackageParts(doc);
  for (const docx::Part& part : parts) {
    if (!IsValidUtf8(part.xml)) {
      return Status::Internal("docx.invalid_text",
                              "Văn bản có ký tự không hợp lệ (không phải UTF-8), "
                              "không tạo được tệp Word");
    }
  }
  zip_error_t error;
  zip_error_init(&error);
  SourcePtr src(zip_source_buffer_create(nullptr, 0, 0, &error), &zip_source_free);
  if (src == nullptr) {
    Status status = ZipFailed(zip_error_strerror(&error));
    zip_error_fini(&error);
    return status;
  }
  // One reference for the archive, one kept here to read the bytes after zip_close.
  zip_source_keep(src.get());
  zip_t* za = zip_open_from_source(src.get(), ZIP_TRUNCATE, &error);
  if (za == nullptr) {
    zip_source_free(src.get());  // the archive's reference, not taken
    Status status = ZipFailed(zip_error_strerror(&error));
    zip_error_fini(&error);
    return status;
  }
  zip_error_fini(&error);
  NQ_RETURN_IF_ERROR(AddAndClose(za, parts));
  return ReadAll(src.get());
}

}  // namespace nq::review
