// The bundled review data validates, and a broken copy of each kind of file is refused with a
// message naming the file and the JSON path of the bad value.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "engine/review/data_location.hpp"
#include "engine/review/review_loader.hpp"
#include "review_fixtures.hpp"

namespace pillars::review {
namespace {

using testing::bundledFolder;
using testing::bundledLibrary;

std::string readText(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A private copy of the bundled folder that a test may break.
class ReviewDataCopy : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    m_dir = std::filesystem::temp_directory_path() /
            (std::string("pillars-review-") + info->name() + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(m_dir);
    std::filesystem::copy(bundledFolder(), m_dir, std::filesystem::copy_options::recursive);
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }

  /// Replaces the first occurrence of `from` in `file` (relative to the copy) by `to`.
  void edit(const std::string& file, const std::string& from, const std::string& to) {
    const auto path = m_dir / file;
    std::string text = readText(path);
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from << " not in " << file;
    text.replace(at, from.size(), to);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  }

  /// Loads the copy and expects exactly one error naming `file` and `path` and saying `what`.
  void expectOneError(const std::string& file, const std::string& path, const std::string& what) {
    const LibraryLoad load = loadReviewFolders({m_dir});
    ASSERT_EQ(load.errors.size(), 1u) << formatDiagnostics(load.errors);
    const std::string message = load.errors[0].format();
    EXPECT_NE(message.find(file + ":"), std::string::npos) << message;
    EXPECT_EQ(load.errors[0].path, path) << message;
    EXPECT_NE(message.find(what), std::string::npos) << message;
    EXPECT_GT(load.errors[0].location.line, 0) << message;
  }

  std::filesystem::path m_dir;
};

TEST(ReviewData, EveryBundledFileValidates) {
  const LibraryLoad load = loadReviewFolders({bundledFolder()});
  EXPECT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  const ReviewLibrary& lib = load.library;
  // The seed: 5 sections x 3 questions, 11 tree nodes, 7 matrix rows, 7 table patterns, 6 tables.
  ASSERT_EQ(lib.checklists.size(), 1u);
  ASSERT_EQ(lib.checklists[0].sections.size(), 5u);
  for (const auto& s : lib.checklists[0].sections) EXPECT_EQ(s.questions.size(), 3u) << s.id;
  ASSERT_EQ(lib.trees.size(), 1u);
  EXPECT_EQ(lib.trees[0].nodes.size(), 11u);
  ASSERT_EQ(lib.matrices.size(), 1u);
  EXPECT_EQ(lib.matrices[0].rows.size(), 7u);
  int inTable = 0;
  for (const auto& p : lib.patterns) inTable += p.useWhen ? 1 : 0;
  EXPECT_EQ(inTable, 7);
  EXPECT_EQ(lib.tables.size(), 6u);
}

TEST(ReviewData, QuestionsAreTheSeedsWords) {
  const ReviewLibrary& lib = bundledLibrary();
  const std::vector<std::string> expected{
      "Load balancing strategy?", "Scaling triggers defined?", "Batch vs stream processing?",
      "Data partitioning scheme?", "Replication factor?", "Backup strategy?",
      "Consistency model chosen?", "Conflict resolution strategy?", "Transaction boundaries?",
      "Health check mechanism?", "Deployment strategy?", "Rollback plan?",
      "Auto-recovery mechanisms?", "Anomaly detection?", "Learning from failures?"};
  std::vector<std::string> texts;
  for (const Question* q : lib.checklists.at(0).questions()) texts.push_back(q->text);
  EXPECT_EQ(texts, expected);
  const Pattern* lb = lib.findPatternByName("Load Balancing");
  ASSERT_NE(lb, nullptr);
  EXPECT_EQ(lb->id, "load_balancer");
  EXPECT_EQ(lb->useWhen->text, "Traffic > 1000 req/s");
  EXPECT_EQ(lb->dontUseWhen->text, "< 100 req/s");
}

TEST(ReviewData, BundledFolderIsFoundFromTheBuildTree) {
  // No installed tree beside a test binary: the source tree's folder is the answer.
  const auto folder = bundledChecklistsFolder("/nonexistent/bin");
  ASSERT_TRUE(folder.has_value());
  EXPECT_TRUE(std::filesystem::exists(*folder / "five-minute-review.json"));
}

TEST(ReviewData, InstalledLayoutWinsOverTheSourceTree) {
  const auto root = std::filesystem::temp_directory_path() / ("pillars-install-" + std::to_string(::getpid()));
  std::filesystem::create_directories(root / "bin");
  std::filesystem::create_directories(root / "share" / "pillars" / "checklists");
  const auto folder = bundledChecklistsFolder(root / "bin");
  ASSERT_TRUE(folder.has_value());
  EXPECT_EQ(*folder, std::filesystem::weakly_canonical(root / "share" / "pillars" / "checklists"));
  std::filesystem::remove_all(root);
}

TEST_F(ReviewDataCopy, ChecklistRiskRuleWithAnUnknownAnswer) {
  edit("five-minute-review.json", R"({"answer": "partly", "risk": "medium"})",
       R"({"answer": "maybe", "risk": "medium"})");
  expectOneError("five-minute-review.json", "$.sections[0].questions[0].risk_rules[2].answer",
                 "expected one of yes, partly, no, unknown, got the string \"maybe\"");
}

TEST_F(ReviewDataCopy, ChecklistAnswerWithoutARisk) {
  // Dropping the only rule for "unknown" leaves that answer without a risk.
  edit("five-minute-review.json", R"(,
            {"answer": "unknown", "risk": "high"}
          ],
          "improvement": "Put a load balancer)",
       R"(
          ],
          "improvement": "Put a load balancer)");
  expectOneError("five-minute-review.json", "$.sections[0].questions[0].risk_rules",
                 "no rule without evidence gives a risk for the answer \"unknown\"");
}

TEST_F(ReviewDataCopy, ChecklistUnknownEvidenceKey) {
  edit("five-minute-review.json", R"("evidence": ["health_checks"])", R"("evidence": ["heartbeat"])");
  expectOneError("five-minute-review.json", "$.sections[3].questions[0].evidence[0]", "expected an evidence key");
}

TEST_F(ReviewDataCopy, DecisionTreeLeafNamingAnUnknownPattern) {
  edit("decision-tree.json", R"(["Load Balancing", "MapReduce"])", R"(["Load Balancing", "Map Reduce"])");
  expectOneError("decision-tree.json", "$.nodes[4].result.patterns[1]", "unknown pattern \"Map Reduce\"");
}

TEST_F(ReviewDataCopy, DecisionTreeAnswerToAMissingNode) {
  edit("decision-tree.json", R"({"label": "CPU", "next": "w1"})", R"({"label": "CPU", "next": "w9"})");
  expectOneError("decision-tree.json", "$.nodes[2].answers[0].next", "no node \"w9\" in this tree");
}

TEST_F(ReviewDataCopy, DecisionMatrixWithAnUnknownPillar) {
  edit("decision-matrix.json", R"("primary": "work", "secondary": "state")", R"("primary": "speed", "secondary": "state")");
  expectOneError("decision-matrix.json", "$.rows[0].primary",
                 "expected one of work, state, truth, control, intelligence, got the string \"speed\"");
}

TEST_F(ReviewDataCopy, PatternThresholdOfTheWrongType) {
  edit("patterns.json", R"("op": ">", "value": 1000})", R"("op": ">", "value": "1000"})");
  expectOneError("patterns.json", "$.patterns[0].use_when.value", "expected a number (peak_rps is a number)");
}

TEST_F(ReviewDataCopy, PatternRuleOnAnUnknownFact) {
  edit("patterns.json", R"("fact": "data_size_gb", "op": ">")", R"("fact": "data_size", "op": ">")");
  expectOneError("patterns.json", "$.patterns[1].use_when.fact", "expected one of peak_rps, data_size_gb");
}

TEST_F(ReviewDataCopy, ReferenceTableRowWithAMissingCell) {
  edit("reference/cap-tradeoffs.json", R"(["CP", "Availability", "Banking"])", R"(["CP", "Availability"])");
  expectOneError("cap-tradeoffs.json", "$.rows[0]", "expected an array of 3 strings, one per column");
}

TEST_F(ReviewDataCopy, InvalidJsonNamesTheFileAndLine) {
  edit("decision-matrix.json", R"("rows": [)", R"("rows": [,)");
  const LibraryLoad load = loadReviewFolders({m_dir});
  ASSERT_FALSE(load.ok());
  EXPECT_NE(load.errors[0].format().find("decision-matrix.json:6:"), std::string::npos) << load.errors[0].format();
  EXPECT_NE(load.errors[0].message.find("invalid JSON"), std::string::npos);
}

TEST_F(ReviewDataCopy, UserFolderAddsAChecklistBesideTheBundledOnes) {
  const auto user = m_dir / "user";
  std::filesystem::create_directories(user);
  std::ofstream(user / "security.json") << R"({
  "format": "pillars-checklist", "version": 1, "id": "security", "title": "Security lens",
  "sections": [{"id": "sec", "title": "Secrets", "pillar": "control", "questions": [
    {"id": "sec.rotation", "pillar": "control", "text": "Secrets rotated?",
     "choices": [{"id": "yes", "label": "Yes"}, {"id": "no", "label": "No"}],
     "risk_rules": [{"answer": "yes", "risk": "none"}, {"answer": "no", "risk": "high"}],
     "improvement": "Rotate them.", "evidence": []}]}]
})";
  const LibraryLoad load = loadReviewFolders({bundledFolder(), user});
  ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  ASSERT_EQ(load.library.checklists.size(), 2u);
  EXPECT_NE(load.library.findQuestion("sec.rotation"), nullptr);
  EXPECT_NE(load.library.findQuestion("work.load_balancing"), nullptr);
}

TEST_F(ReviewDataCopy, UserFolderReusingABundledIdIsAnError) {
  const auto user = m_dir / "user";
  std::filesystem::create_directories(user);
  std::ofstream(user / "clash.json") << R"({
  "format": "pillars-checklist", "version": 1, "id": "mine", "title": "Mine",
  "sections": [{"id": "s", "title": "S", "pillar": "work", "questions": [
    {"id": "work.load_balancing", "pillar": "work", "text": "Again?",
     "choices": [{"id": "yes", "label": "Yes"}],
     "risk_rules": [{"answer": "yes", "risk": "none"}], "improvement": "None.", "evidence": []}]}]
})";
  const LibraryLoad load = loadReviewFolders({bundledFolder(), user});
  ASSERT_EQ(load.errors.size(), 1u) << formatDiagnostics(load.errors);
  const std::string message = load.errors[0].format();
  EXPECT_NE(message.find("clash.json:"), std::string::npos) << message;
  EXPECT_EQ(load.errors[0].path, "$.sections[0].questions[0].id");
  EXPECT_NE(message.find("question id \"work.load_balancing\" is already defined in"), std::string::npos) << message;
  EXPECT_NE(message.find("five-minute-review.json"), std::string::npos) << message;
}

TEST_F(ReviewDataCopy, UnknownFormatIsRefused) {
  std::ofstream(m_dir / "notes.json") << R"({"format": "pillars-notes", "version": 1})";
  const LibraryLoad load = loadReviewFolders({m_dir});
  ASSERT_EQ(load.errors.size(), 1u) << formatDiagnostics(load.errors);
  EXPECT_NE(load.errors[0].format().find("notes.json:1:"), std::string::npos);
  EXPECT_NE(load.errors[0].message.find("expected \"format\" to be one of pillars-patterns"), std::string::npos)
      << load.errors[0].message;
}

TEST(ReviewData, MissingFolderIsNamed) {
  const LibraryLoad load = loadReviewFolders({"/nonexistent/review-folder"});
  ASSERT_EQ(load.errors.size(), 1u);
  EXPECT_EQ(load.errors[0].format(), "/nonexistent/review-folder: not a folder of review files");
}

}  // namespace
}  // namespace pillars::review
