#include "advisor/atomic_write.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "advisor/util/bilingual.hpp"

namespace advisor {

using util::T;

namespace {

WriteResult fail(const std::string& path, int err) {
  return WriteResult{false, T(fmt::format("cannot write '{}': {}; nothing was changed", path, std::strerror(err)),
                              fmt::format("无法写入“{}”：{}；原文件未改动", path, std::strerror(err)))};
}
}  // namespace

WriteResult write_file_atomically(const std::string& path, std::string_view content, bool force) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode))
      return WriteResult{false, T(fmt::format("'{}' is a directory", path), fmt::format("“{}”是目录", path))};
    if (!force)
      return WriteResult{false,
                         T(fmt::format("'{}' already exists; use --force to replace it", path),
                           fmt::format("“{}”已存在；如需覆盖请加 --force", path)),
                         true};
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
        return WriteResult{false,
                           T(fmt::format("'{}' already exists; use --force to replace it", path),
                             fmt::format("“{}”已存在；如需覆盖请加 --force", path)),
                           true};
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

namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_staging_tag = ".advisor-staging-";

fs::path staging_prefix(const fs::path& dir) {
  auto name = dir.filename().empty() ? dir.parent_path().filename() : dir.filename();
  auto parent = (dir.filename().empty() ? dir.parent_path() : dir).parent_path();
  return (parent.empty() ? fs::path(".") : parent) / ("." + name.string() + std::string(k_staging_tag));
}

// Writes one file of the staging directory and flushes it to disk; errno on failure.
int write_whole(const fs::path& path, std::string_view content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return errno;
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return err;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    int err = errno;
    ::close(fd);
    return err;
  }
  return ::close(fd) == 0 ? 0 : errno;
}

int sync_dir(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno;
  int rc = ::fsync(fd);
  ::close(fd);
  return rc == 0 ? 0 : errno;
}

// The files of `dir` the new set does not supersede, linked (or copied) into staging.
int carry_over(const fs::path& dir, const fs::path& staging, const std::function<bool(const std::string&)>& superseded,
               const std::map<std::string, std::string>& files) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    auto name = e.path().filename().string();
    if (files.count(name) || superseded(name)) continue;
    fs::copy(e.path(), staging / name,
             fs::copy_options::recursive | fs::copy_options::copy_symlinks | fs::copy_options::create_hard_links, ec);
    if (ec) return ec.value();
  }
  return ec ? ec.value() : 0;
}

}  // namespace

void remove_stale_staging(const std::string& dir) {
  auto prefix = staging_prefix(dir);
  std::error_code ec;
  auto parent = prefix.parent_path();
  auto stem = prefix.filename().string();
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    auto name = e.path().filename().string();
    if (name.rfind(stem, 0) != 0) continue;
    char* end = nullptr;
    long pid = std::strtol(name.c_str() + stem.size(), &end, 10);
    bool alive = pid > 0 && *end == '\0' && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
    if (!alive || pid == ::getpid()) fs::remove_all(e.path(), ec);
  }
}

WriteResult write_directory_staged(const std::string& dir, const std::map<std::string, std::string>& files,
                                   const std::function<bool(const std::string&)>& superseded,
                                   const std::function<void(int)>& step) {
  int n = 0;
  auto next = [&] {
    if (step) step(++n);
  };
  remove_stale_staging(dir);
  auto staging = fs::path(staging_prefix(dir).string() + std::to_string(::getpid()));
  std::error_code ec;
  if (!fs::create_directory(staging, ec) || ec) return fail(dir, ec ? ec.value() : EEXIST);
  auto give_up = [&](int err) {
    fs::remove_all(staging, ec);
    return fail(dir, err);
  };
  bool existed = fs::is_directory(dir, ec);
  if (existed)
    if (int err = carry_over(dir, staging, superseded, files)) return give_up(err);
  next();
  for (const auto& [name, text] : files) {
    if (int err = write_whole(staging / name, text)) return give_up(err);
    next();
  }
  if (int err = sync_dir(staging)) return give_up(err);
  next();
  if (!existed) {
    if (::rename(staging.c_str(), dir.c_str()) != 0) return give_up(errno);
  } else if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) != 0) {
    return give_up(errno);
  }
  next();
  fs::remove_all(staging, ec);  // the old files, now in the staging name
  sync_dir(staging.parent_path());
  return WriteResult{true, {}};
}

}  // namespace advisor
