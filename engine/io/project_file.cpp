#include "engine/io/project_file.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>

#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/metrics/time_series_csv.hpp"

namespace pillars {

namespace {

constexpr char kSqliteMagic[] = "SQLite format 3";  // the first 16 bytes of every database

ScenarioLoad refuse(const std::string& path, std::string message) {
  ScenarioLoad load;
  load.errors.push_back(Diagnostic{path, {}, "", std::move(message)});
  return load;
}

/// An open database that closes itself.
class Database {
 public:
  Database(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
      m_error = m_db ? sqlite3_errmsg(m_db) : "out of memory";
    }
  }
  ~Database() { sqlite3_close(m_db); }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  bool ok() const { return m_error.empty(); }
  const std::string& error() const { return m_error; }
  sqlite3* handle() const { return m_db; }

  bool exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      m_error = message ? message : sqlite3_errmsg(m_db);
      sqlite3_free(message);
      return false;
    }
    return true;
  }

  /// The first column of the first row of a query, as text; nothing on error or no row.
  std::optional<std::string> scalar(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      m_error = sqlite3_errmsg(m_db);
      return std::nullopt;
    }
    std::optional<std::string> value;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(stmt, 0);
      value = text ? std::string(reinterpret_cast<const char*>(text)) : std::string();
    } else {
      m_error = sqlite3_errmsg(m_db);
    }
    sqlite3_finalize(stmt);
    return value;
  }

  /// Runs `sql` once with text parameters bound in order.
  bool run(const std::string& sql, const std::vector<std::string>& params) {
    sqlite3_stmt* stmt = nullptr;
    bool done = sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK;
    for (std::size_t i = 0; done && i < params.size(); ++i) {
      done = sqlite3_bind_text(stmt, static_cast<int>(i + 1), params[i].c_str(), -1, SQLITE_TRANSIENT) == SQLITE_OK;
    }
    done = done && sqlite3_step(stmt) == SQLITE_DONE;
    if (!done) m_error = sqlite3_errmsg(m_db);
    sqlite3_finalize(stmt);
    return done;
  }

  /// Every row of a query, each column as text (NULL as empty); nothing on error.
  std::optional<std::vector<std::vector<std::string>>> rows(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      m_error = sqlite3_errmsg(m_db);
      return std::nullopt;
    }
    std::vector<std::vector<std::string>> out;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        const auto* text = sqlite3_column_text(stmt, c);
        row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
      }
      out.push_back(std::move(row));
    }
    if (step != SQLITE_DONE) m_error = sqlite3_errmsg(m_db);
    sqlite3_finalize(stmt);
    if (step != SQLITE_DONE) return std::nullopt;
    return out;
  }

  bool insertText(const std::string& sql, const std::string& a, const std::string& b) {
    sqlite3_stmt* stmt = nullptr;
    bool done = sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
                sqlite3_bind_text(stmt, 1, a.c_str(), -1, SQLITE_TRANSIENT) == SQLITE_OK &&
                sqlite3_bind_text(stmt, 2, b.c_str(), -1, SQLITE_TRANSIENT) == SQLITE_OK &&
                sqlite3_step(stmt) == SQLITE_DONE;
    if (!done) m_error = sqlite3_errmsg(m_db);
    sqlite3_finalize(stmt);
    return done;
  }

 private:
  sqlite3* m_db = nullptr;
  std::string m_error;
};

/// The columns every answer row has, after its key column(s). `from_suggestion` and `basis`
/// came with schema 4; their defaults read older rows as the reviewer's own answers.
constexpr const char* kAnswerColumns =
    "question TEXT NOT NULL, choice TEXT NOT NULL, not_applicable INTEGER NOT NULL, reason TEXT NOT NULL, "
    "note TEXT NOT NULL, from_suggestion INTEGER NOT NULL DEFAULT 0, basis TEXT NOT NULL DEFAULT ''";

bool insertAnswers(Database& db, const std::string& table, const std::string& milestone,
                   const review::Answers& answers) {
  for (const auto& [question, a] : answers) {
    std::vector<std::string> params{question, a.choice, a.notApplicable ? "1" : "0", a.reason, a.note,
                                    a.fromSuggestion ? "1" : "0", a.basis};
    std::string sql = "INSERT INTO " + table + " (question, choice, not_applicable, reason, note, from_suggestion, basis";
    if (!milestone.empty()) {
      sql += ", milestone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
      params.push_back(milestone);
    } else {
      sql += ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    }
    if (!db.run(sql, params)) return false;
  }
  return true;
}

bool writeReview(Database& db, const ProjectReview* review) {
  if (!review) return true;
  if (!insertAnswers(db, "review_answer", "", review->answers)) return false;
  for (std::size_t i = 0; i < review->milestones.size(); ++i) {
    const auto& m = review->milestones[i];
    const std::string position = std::to_string(i + 1);
    if (!db.run("INSERT INTO milestone (position, name, date) VALUES (?, ?, ?)", {position, m.name, m.date}) ||
        !insertAnswers(db, "milestone_answer", position, m.answers)) {
      return false;
    }
  }
  for (const auto& [name, text] : review->facts) {
    if (!db.run("INSERT INTO review_fact (name, value) VALUES (?, ?)", {name, text})) return false;
  }
  return true;
}

/// Rows of (question, choice, not_applicable, reason, note[, from_suggestion, basis]) as answers.
review::Answers answersFromRows(const std::vector<std::vector<std::string>>& rows) {
  review::Answers answers;
  for (const auto& r : rows) {
    answers[r[0]] = review::Answer{r[1], r[2] == "1", r[3], r[4], r.size() > 5 && r[5] == "1", r.size() > 6 ? r[6] : ""};
  }
  return answers;
}

}  // namespace

bool ProjectReview::operator==(const ProjectReview& other) const {
  const auto sameAnswers = [](const review::Answers& a, const review::Answers& b) {
    if (a.size() != b.size()) return false;
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
      if (i->first != j->first || i->second.choice != j->second.choice ||
          i->second.notApplicable != j->second.notApplicable || i->second.reason != j->second.reason ||
          i->second.note != j->second.note || i->second.fromSuggestion != j->second.fromSuggestion ||
          i->second.basis != j->second.basis) {
        return false;
      }
    }
    return true;
  };
  if (!sameAnswers(answers, other.answers) || milestones.size() != other.milestones.size() || facts != other.facts) {
    return false;
  }
  for (std::size_t i = 0; i < milestones.size(); ++i) {
    const auto& a = milestones[i];
    const auto& b = other.milestones[i];
    if (a.name != b.name || a.date != b.date || !sameAnswers(a.answers, b.answers)) return false;
  }
  return true;
}

std::optional<ProjectReview> loadProjectReview(const std::string& path, std::string* error) {
  const auto fail = [&](const std::string& why) -> std::optional<ProjectReview> {
    if (error) *error = path + ": " + why;
    return std::nullopt;
  };
  if (error) error->clear();
  Database db(path, SQLITE_OPEN_READONLY);
  if (!db.ok()) return fail("cannot open the project: " + db.error());
  const auto version = db.scalar("PRAGMA user_version");
  if (!version || std::stoll(*version) < 3) return std::nullopt;  // before reviews were stored
  // Schema 3 had no suggestion marks and no facts: its answers are the reviewer's own.
  const bool marked = std::stoll(*version) >= 4;
  const std::string columns =
      std::string("question, choice, not_applicable, reason, note") + (marked ? ", from_suggestion, basis" : "");
  const auto current = db.rows("SELECT " + columns + " FROM review_answer ORDER BY question");
  if (!current) return fail("cannot read the review answers (table review_answer): " + db.error());
  ProjectReview review;
  review.answers = answersFromRows(*current);
  const auto milestones = db.rows("SELECT position, name, date FROM milestone ORDER BY position");
  if (!milestones) return fail("cannot read the milestones (table milestone): " + db.error());
  for (const auto& m : *milestones) {
    const auto answers =
        db.rows("SELECT " + columns + " FROM milestone_answer WHERE milestone = " + m[0] + " ORDER BY question");
    if (!answers) return fail("cannot read milestone \"" + m[1] + "\" (table milestone_answer): " + db.error());
    review.milestones.push_back(review::Milestone{m[1], answersFromRows(*answers), m[2]});
  }
  if (marked) {
    const auto facts = db.rows("SELECT name, value FROM review_fact ORDER BY name");
    if (!facts) return fail("cannot read the recommender's facts (table review_fact): " + db.error());
    for (const auto& f : *facts) review.facts[f[0]] = f[1];
  }
  return review;
}

bool isProjectPath(const std::string& path) {
  return std::filesystem::path(path).extension() == ".pillars";
}

ScenarioLoad loadProjectFile(const std::string& path, const ComponentRegistry& registry) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return refuse(path, "is a folder, not a Pillars project");
  {
    // Checked before SQLite sees it: SQLite would call any non-database "not a database" only
    // when first queried, and might even create an empty file where none was.
    std::ifstream in(path, std::ios::binary);
    if (!in) return refuse(path, "cannot open the file (does it exist, and may it be read?)");
    char header[16] = {};
    in.read(header, sizeof header);
    if (in.gcount() < 16 || std::memcmp(header, kSqliteMagic, sizeof kSqliteMagic) != 0) {
      return refuse(path, "is not a Pillars project (not an SQLite database)");
    }
  }
  Database db(path, SQLITE_OPEN_READONLY);
  if (!db.ok()) return refuse(path, "cannot open the project: " + db.error());
  const auto check = db.scalar("PRAGMA quick_check");
  if (!check || *check != "ok") {
    return refuse(path, "the project is damaged (SQLite integrity check: " +
                            (check ? *check : db.error()) + ")");
  }
  const auto appId = db.scalar("PRAGMA application_id");
  if (!appId || std::stoll(*appId) != ProjectFile::kApplicationId) {
    return refuse(path, "is an SQLite database, but not a Pillars project");
  }
  const auto version = db.scalar("PRAGMA user_version");
  const long long schema = version ? std::stoll(*version) : 0;
  if (schema > ProjectFile::kSchemaVersion) {
    return refuse(path, "was saved by a newer Pillars (project schema " + std::to_string(schema) +
                            ", this version reads up to " +
                            std::to_string(ProjectFile::kSchemaVersion) + "); upgrade Pillars to open it");
  }
  if (schema < 1) return refuse(path, "has no project schema version; it is not a Pillars project");
  const auto json = db.scalar("SELECT value FROM document WHERE key = 'scenario'");
  if (!json) return refuse(path, "the project has no scenario in it (table document, key 'scenario')");
  // The scenario is validated by the same reader as scenario files; its diagnostics name the
  // project and the place inside the stored scenario.
  return readScenario(*json, path + " (scenario)", registry);
}

std::optional<StoredRun> loadStoredRun(const std::string& path, std::string* error) {
  const auto fail = [&](const std::string& why) -> std::optional<StoredRun> {
    if (error) *error = path + ": " + why;
    return std::nullopt;
  };
  if (error) error->clear();
  Database db(path, SQLITE_OPEN_READONLY);
  if (!db.ok()) return fail("cannot open the project: " + db.error());
  const auto version = db.scalar("PRAGMA user_version");
  if (!version || std::stoll(*version) < 2) return std::nullopt;  // before runs were stored
  const auto rows = db.scalar("SELECT count(*) FROM run");
  if (!rows) return fail("the project has no run table (schema 2 has one): " + db.error());
  if (*rows == "0") return std::nullopt;
  StoredRun run;
  std::string csv;
  const std::pair<const char*, std::string*> fields[] = {
      {"scenario", &run.scenarioJson}, {"summary", &run.summaryJson}, {"timeseries", &csv}};
  for (const auto& [key, into] : fields) {
    const auto value = db.scalar(std::string("SELECT value FROM run WHERE key = '") + key + "'");
    if (!value) return fail(std::string("the stored run has no '") + key + "' (table run)");
    *into = *value;
  }
  if (!csv.empty()) {  // empty: the run had no metrics interval
    std::string why;
    std::optional<TimeSeries> series = readTimeSeriesCsv(csv, &why);
    if (!series) return fail("the stored run's time series (table run, key 'timeseries'), " + why);
    run.series = std::make_shared<const TimeSeries>(std::move(*series));
  }
  return run;
}

namespace {

/// Writes `path` whole or not at all: `fill` builds the new database in a uniquely named file
/// beside it (given that file's path; it returns why it failed, or nothing), which is then
/// renamed over `path`. On any failure the temporary file goes and `path` is left as it was.
std::string replaceAtomically(const std::string& path, const std::function<std::string(const std::string&)>& fill) {
  std::string tmp = path + ".saving-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return "cannot write " + path + ": cannot create a temporary file beside it: " + std::strerror(errno);
  ::close(fd);
  std::string why = fill(tmp);
  if (why.empty()) {
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) why = ec.message();
  }
  if (why.empty()) return {};
  std::filesystem::remove(tmp);
  return "cannot write " + path + ": " + why;
}

/// The rows of table `run` for a stored run.
bool insertRun(Database& db, const StoredRun& run) {
  return db.insertText("INSERT INTO run (key, value) VALUES (?, ?)", "scenario", run.scenarioJson) &&
         db.insertText("INSERT INTO run (key, value) VALUES (?, ?)", "summary", run.summaryJson) &&
         db.insertText("INSERT INTO run (key, value) VALUES (?, ?)", "timeseries",
                       run.series ? run.series->csv() : std::string());
}

}  // namespace

std::string saveProjectFile(const std::string& path, const Scenario& scenario, const StoredRun* lastRun,
                            const ProjectReview* review) {
  // A fresh file is an empty database to fill.
  return replaceAtomically(path, [&](const std::string& tmp) -> std::string {
    Database db(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!db.ok()) return db.error();
    const bool written =
        db.exec("PRAGMA application_id = " + std::to_string(ProjectFile::kApplicationId) + ";"
                "PRAGMA user_version = " + std::to_string(ProjectFile::kSchemaVersion) + ";"
                "BEGIN;"
                "CREATE TABLE document (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                "CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                "CREATE TABLE review_answer (" + std::string(kAnswerColumns) + ", PRIMARY KEY (question));"
                "CREATE TABLE milestone (position INTEGER PRIMARY KEY, name TEXT NOT NULL, date TEXT NOT NULL);"
                "CREATE TABLE milestone_answer (milestone INTEGER NOT NULL REFERENCES milestone (position), " +
                kAnswerColumns + ", PRIMARY KEY (milestone, question));"
                "CREATE TABLE review_fact (name TEXT PRIMARY KEY, value TEXT NOT NULL);") &&
        db.insertText("INSERT INTO document (key, value) VALUES (?, ?)", "scenario",
                      writeScenarioJson(scenario)) &&
        db.insertText("INSERT INTO document (key, value) VALUES (?, ?)", "saved_by",
                      std::string("Pillars ") + PILLARS_VERSION) &&
        (!lastRun || insertRun(db, *lastRun)) && writeReview(db, review) && db.exec("COMMIT;");
    return written ? std::string() : db.error();
  });
}

std::string replaceStoredRun(const std::string& path, const StoredRun& run) {
  // A copy of the whole project, changed in its run table only.
  return replaceAtomically(path, [&](const std::string& tmp) -> std::string {
    std::error_code ec;
    std::filesystem::copy_file(path, tmp, std::filesystem::copy_options::overwrite_existing, ec);
    if (ec) return ec.message();
    Database db(tmp, SQLITE_OPEN_READWRITE);
    const auto version = db.ok() ? db.scalar("PRAGMA user_version") : std::nullopt;
    const bool upgrade = version && std::stoll(*version) < 2;
    const bool written =
        version &&
        db.exec(std::string("BEGIN;") +
                (upgrade ? "CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                           "PRAGMA user_version = 2;"
                         : "") +
                "DELETE FROM run;") &&
        insertRun(db, run) && db.exec("COMMIT;");
    return written ? std::string() : db.error();
  });
}

ScenarioLoad loadScenarioOrProject(const std::string& path, const ComponentRegistry& registry) {
  return isProjectPath(path) ? loadProjectFile(path, registry) : loadScenarioFile(path, registry);
}

}  // namespace pillars
