#include "engine/util/atomic_output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace pillars {

AtomicOutputFile::AtomicOutputFile(std::string path) : m_path(std::move(path)) {}

AtomicOutputFile::~AtomicOutputFile() {
  if (!m_committed && !m_tmpPath.empty()) {
    m_stream.close();
    ::unlink(m_tmpPath.c_str());
  }
}

bool AtomicOutputFile::fail(std::string* error, const std::string& what) {
  if (error) *error = "cannot write " + m_path + ": " + what + ": " + std::strerror(errno);
  return false;
}

bool AtomicOutputFile::open(std::string* error) {
  std::string tmp = m_path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return fail(error, "cannot create a temporary file beside it");
  // mkstemp creates 0600; results are ordinary files, readable as the umask allows.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  m_tmpPath = tmp;
  m_stream.open(m_tmpPath, std::ios::binary | std::ios::trunc);
  if (!m_stream) return fail(error, "cannot open the temporary file");
  return true;
}

bool AtomicOutputFile::commit(std::string* error) {
  m_stream.flush();
  const bool written = static_cast<bool>(m_stream);
  m_stream.close();
  if (!written) {
    errno = errno ? errno : EIO;
    return fail(error, "write failed");
  }
  // The data must be on disk before the rename makes it the file, or a crash could leave an
  // empty file where the old one was.
  const int fd = ::open(m_tmpPath.c_str(), O_RDONLY);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int saved = errno;
    if (fd >= 0) ::close(fd);
    errno = saved;
    return fail(error, "flush failed");
  }
  ::close(fd);
  if (::rename(m_tmpPath.c_str(), m_path.c_str()) != 0) return fail(error, "rename failed");
  m_committed = true;
  return true;
}

}  // namespace pillars
