#include "advisor/atomic_write.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace advisor {

namespace {
Text T(std::string en, std::string zh) { return Text{std::move(zh), std::move(en)}; }

WriteResult fail(const std::string& path, int err) {
  return WriteResult{false, T(fmt::format("cannot write '{}': {}; nothing was changed", path, std::strerror(err)),
                              fmt::format("无法写入“{}”：{}；原文件未改动", path, std::strerror(err)))};
}
} // namespace

WriteResult write_file_atomically(const std::string& path, std::string_view content, bool force) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode))
      return WriteResult{false, T(fmt::format("'{}' is a directory", path), fmt::format("“{}”是目录", path))};
    if (!force)
      return WriteResult{false, T(fmt::format("'{}' already exists; use --force to replace it", path),
                                  fmt::format("“{}”已存在；如需覆盖请加 --force", path))};
  }
  auto dir = std::filesystem::path(path).parent_path();
  std::string tmpl = ((dir.empty() ? std::filesystem::path(".") : dir) / ".advisor-XXXXXX").string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return fail(path, errno);
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(tmpl.c_str());
      return fail(path, err);
    }
    done += static_cast<size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    return fail(path, err);
  }
  if (!force) {
    // link() fails if the target appeared meanwhile: no clobbering, even in a race.
    if (::link(tmpl.c_str(), path.c_str()) != 0) {
      int err = errno;
      ::unlink(tmpl.c_str());
      if (err == EEXIST)
        return WriteResult{false, T(fmt::format("'{}' already exists; use --force to replace it", path),
                                    fmt::format("“{}”已存在；如需覆盖请加 --force", path))};
      return fail(path, err);
    }
    ::unlink(tmpl.c_str());
    return WriteResult{true, {}};
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    return fail(path, err);
  }
  return WriteResult{true, {}};
}

} // namespace advisor
