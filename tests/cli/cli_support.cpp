#include "tests/cli/cli_support.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <variant>

namespace pillars::clitest {

namespace {

/// An unnamed temporary file for one of the child's output streams.
int makeCaptureFile() {
  std::string pattern = (std::filesystem::temp_directory_path() / "pillars-cli-io-XXXXXX").string();
  const int fd = ::mkstemp(pattern.data());
  if (fd >= 0) ::unlink(pattern.c_str());
  return fd;
}

std::string slurp(int fd) {
  std::string out;
  ::lseek(fd, 0, SEEK_SET);
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace

std::string CliRun::describe() const {
  std::ostringstream s;
  if (signal != 0) {
    s << "killed by signal " << signal;
  } else {
    s << "exit code " << exitCode;
  }
  s << "\n--- stdout ---\n" << out.substr(0, 4000) << "\n--- stderr ---\n" << err.substr(0, 4000);
  return s.str();
}

CliRun runCli(const std::vector<std::string>& args, const CliOptions& options) {
  CliRun run;
  // Everything the child needs is prepared before fork: after it, only async-signal-safe calls.
  std::vector<std::string> storage;
  storage.reserve(args.size() + 1);
  storage.emplace_back(PILLARS_CLI);
  for (const auto& a : args) storage.push_back(a);
  std::vector<char*> argv;
  for (auto& s : storage) argv.push_back(s.data());
  argv.push_back(nullptr);
  const std::string workingDir = options.workingDir.string();

  const int outFd = makeCaptureFile();
  const int errFd = makeCaptureFile();
  const int inFd = ::open("/dev/null", O_RDONLY);
  if (outFd < 0 || errFd < 0 || inFd < 0) {
    ADD_FAILURE() << "cannot create capture files: " << std::strerror(errno);
    return run;
  }
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    ADD_FAILURE() << "fork failed: " << std::strerror(errno);
    ::close(outFd);
    ::close(errFd);
    ::close(inFd);
    return run;
  }
  if (pid == 0) {
    ::dup2(inFd, STDIN_FILENO);
    ::dup2(outFd, STDOUT_FILENO);
    ::dup2(errFd, STDERR_FILENO);
    ::close(inFd);
    ::close(outFd);
    ::close(errFd);
    if (!workingDir.empty() && ::chdir(workingDir.c_str()) != 0) ::_exit(126);
    if (options.fileSizeLimit) {
      ::signal(SIGXFSZ, SIG_IGN);  // an ignored disposition survives exec
      rlimit limit{};
      limit.rlim_cur = static_cast<rlim_t>(*options.fileSizeLimit);
      limit.rlim_max = static_cast<rlim_t>(*options.fileSizeLimit);
      ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ::alarm(60);  // a pending alarm survives exec: a hung binary is killed, not waited on forever
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(inFd);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      ADD_FAILURE() << "waitpid failed: " << std::strerror(errno);
      break;
    }
  }
  if (WIFEXITED(status)) run.exitCode = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
  run.out = slurp(outFd);
  run.err = slurp(errFd);
  ::close(outFd);
  ::close(errFd);
  return run;
}

std::string fixture(std::string_view name) {
  return (std::filesystem::path(PILLARS_SOURCE_DIR) / "tests" / "cli" / "data" / name).string();
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void writeFile(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

JsonValue parseJsonOrFail(const std::string& text, std::string_view what) {
  auto parsed = parseJson(text);
  if (const auto* err = std::get_if<JsonError>(&parsed)) {
    ADD_FAILURE() << what << " is not valid JSON (" << err->location.line << ":"
                  << err->location.column << ": " << err->message << "):\n"
                  << text.substr(0, 2000);
    return JsonValue();
  }
  return std::get<JsonValue>(std::move(parsed));
}

const JsonValue* at(const JsonValue& root, std::initializer_list<std::string_view> keys) {
  const JsonValue* v = &root;
  for (const auto key : keys) {
    v = v->find(key);
    if (!v) return nullptr;
  }
  return v;
}

std::string joinPath(std::initializer_list<std::string_view> keys) {
  std::string out;
  for (const auto key : keys) {
    if (!out.empty()) out += '.';
    out += key;
  }
  return out;
}

double number(const JsonValue& root, std::initializer_list<std::string_view> keys) {
  const JsonValue* v = at(root, keys);
  if (!v) {
    ADD_FAILURE() << "results JSON has no " << joinPath(keys);
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (!v->isNumber()) {
    ADD_FAILURE() << joinPath(keys) << " is a " << v->typeName() << ", expected a number";
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (!std::isfinite(v->asNumber())) {
    ADD_FAILURE() << joinPath(keys) << " is not finite";
  }
  return v->asNumber();
}

std::uint64_t count(const JsonValue& root, std::initializer_list<std::string_view> keys) {
  const JsonValue* v = at(root, keys);
  if (!v) {
    ADD_FAILURE() << "results JSON has no " << joinPath(keys);
    return 0;
  }
  if (!v->isNumber() || !v->isInteger() || v->asInt64() < 0) {
    ADD_FAILURE() << joinPath(keys) << " should be a non-negative integer, is a " << v->typeName()
                  << (v->isNumber() ? " " + std::to_string(v->asNumber()) : std::string());
    return 0;
  }
  return static_cast<std::uint64_t>(v->asInt64());
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

std::vector<std::string> splitCsv(const std::string& line) {
  // The CLI's CSVs only quote ids with commas or quotes in them; the fixtures have none.
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    out.push_back(line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

void CliTest::SetUp() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "pillars-cli-test-XXXXXX").string();
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr) << std::strerror(errno);
  m_dir = pattern;
}

void CliTest::TearDown() {
  if (m_dir.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(m_dir, ec);
}

}  // namespace pillars::clitest
