// Reading input files: whole files or standard input, refused before parsing when
// they are directories, devices or over a size limit.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

#include "advisor/input_file.hpp"
#include "advisor/util/bilingual.hpp"

namespace advisor {

using util::T;

namespace {

[[noreturn]] void over_limit(const std::string& path, size_t max_bytes) {
  if (path == "<stdin>")
    throw InputError(path,
                     T(fmt::format("standard input is over the limit of {} bytes (raise it with "
                                   "--max-file-size)",
                                   max_bytes),
                       fmt::format("标准输入超过上限 {} 字节（可用 --max-file-size 调高）", max_bytes)),
                     ErrorKind::invalid_input);
  // A pipe or device has no size to check beforehand: stop at the limit.
  throw InputError(path,
                   T(fmt::format("'{}' is over the limit of {} bytes (raise it with --max-file-size)", path, max_bytes),
                     fmt::format("“{}”超过上限 {} 字节（可用 --max-file-size 调高）", path, max_bytes)),
                   ErrorKind::invalid_input);
}

}  // namespace

[[noreturn]] void cannot_read(const std::string& path, int err) {
  if (err == ENOENT || err == ENOTDIR)
    throw InputError(
        path, T(fmt::format("cannot read '{}': no such file", path), fmt::format("无法读取“{}”：文件不存在", path)));
  if (err == EACCES)
    throw InputError(path, T(fmt::format("cannot read '{}': permission denied or unreadable", path),
                             fmt::format("无法读取“{}”：没有权限或不可读", path)));
  // A folder on the way that we may not enter, a name too long, a loop of links.
  throw InputError(path, T(fmt::format("cannot read '{}': {}", path, std::strerror(err)),
                           fmt::format("无法读取“{}”：{}", path, std::strerror(err))));
}

namespace {

const char* file_kind(mode_t mode, bool zh) {
  if (S_ISFIFO(mode)) return zh ? "命名管道（FIFO）" : "a FIFO (named pipe)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return zh ? "设备" : "a device";
  if (S_ISSOCK(mode)) return zh ? "套接字" : "a socket";
  return zh ? "特殊文件" : "a special file";
}

// Reads fd to its end, refusing more than max_bytes; the error number on failure.
int read_fd(int fd, const std::string& name, size_t max_bytes, std::string& text) {
  std::string buf(64 * 1024, '\0');
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return 0;
    text.append(buf.data(), static_cast<size_t>(n));
    if (text.size() > max_bytes) over_limit(name, max_bytes);
  }
}

// Opens and reads path; regular_only refuses FIFOs and devices without waiting on them.
InputFile read_path(const std::string& path, size_t max_bytes, bool regular_only) {
  InputFile f{path, {}, path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0};
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (regular_only ? O_NONBLOCK : 0));
  if (fd < 0) cannot_read(path, errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    cannot_read(path, err);
  }
  int err = 0;
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw InputError(
        path, T(fmt::format("'{}' is a directory, not a file", path), fmt::format("“{}”是目录，不是文件", path)));
  }
  if (regular_only && !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw InputError(path, T(fmt::format("'{}' is {}, not a regular file", path, file_kind(st.st_mode, false)),
                             fmt::format("“{}”是{}，不是普通文件", path, file_kind(st.st_mode, true))));
  }
  if (S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > max_bytes) {
    ::close(fd);
    // Refused before reading: a 1 GB file costs nothing. invalid_input: the file is
    // there but is not acceptable input.
    throw InputError(
        path,
        T(fmt::format("'{}' is {} bytes, over the limit of {} bytes (raise it with --max-file-size)", path, st.st_size,
                      max_bytes),
          fmt::format("“{}”有 {} 字节，超过上限 {} 字节（可用 --max-file-size 调高）", path, st.st_size, max_bytes)),
        ErrorKind::invalid_input);
  }
  try {
    err = read_fd(fd, path, max_bytes, f.text);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  if (err != 0) cannot_read(path, err);
  return f;
}

}  // namespace

void check_stdin_readable() {
  struct stat st {};
  int flags = ::fcntl(STDIN_FILENO, F_GETFL);
  int err = flags < 0 ? errno : (flags & O_ACCMODE) == O_WRONLY ? EBADF : 0;
  if (err == 0 && ::fstat(STDIN_FILENO, &st) != 0) err = errno;
  if (err == 0 && S_ISDIR(st.st_mode)) err = EISDIR;
  if (err != 0)
    throw InputError("<stdin>", T(fmt::format("cannot read standard input: {}", std::strerror(err)),
                                  fmt::format("无法读取标准输入：{}", std::strerror(err))));
}

InputFile read_input_file(const std::string& path, size_t max_bytes) {
  if (path != "-") return read_path(path, max_bytes, false);
  check_stdin_readable();
  InputFile f{"<stdin>", {}};
  if (int err = read_fd(STDIN_FILENO, f.name, max_bytes, f.text); err != 0)
    throw InputError(f.name, T(fmt::format("cannot read standard input: {}", std::strerror(err)),
                               fmt::format("无法读取标准输入：{}", std::strerror(err))));
  return f;
}

InputFile read_regular_file(const std::string& path, size_t max_bytes) { return read_path(path, max_bytes, true); }

}  // namespace advisor
