// TopologyDocument, its files: opening a project or a scenario (whole or as a work in progress),
// saving and the autosave's copies through one writer, and the runs kept with a project.
#include <QFileInfo>

#include "engine/io/project_file.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/util/atomic_file.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {

namespace {

/// The built-in kinds without the rules that a design only meets once it is finished: a client
/// (or any caller) must have an outgoing link; a consensus or replica group must have its full
/// size, every member linked to every other, and settings that agree; a kind's own fault in the
/// timeline must be one its settings allow (a rollout needs a second version). The editor lets
/// a design pass through those states while the user builds it (Raft nodes are added one at a
/// time, a rollout's second version is set before or after the rollout), so a file saved or a
/// recovery copy taken at that moment must still open. Every other check stays; running the
/// design applies them all (SimulateActions says what is missing).
const ComponentRegistry& workInProgressRegistry() {
  static const ComponentRegistry registry = [] {
    ComponentRegistry r;
    for (const auto& kind : builtinRegistry().kinds()) {
      ComponentKind copy = *kind;
      copy.needsOutgoingLink = false;
      copy.peerGroupMin = 0;
      copy.peerGroupMax = 0;
      copy.checkPeerGroup = nullptr;
      copy.checkAction = nullptr;
      r.add(std::move(copy));
    }
    return r;
  }();
  return registry;
}

/// The one writer of the document's files: a project (SQLite) or, for any other extension,
/// scenario JSON, atomically; what went wrong, or empty.
std::string writeDocumentFile(const std::string& target, const Scenario& withPositions, const RunHistory& runs,
                              const ProjectReview& review) {
  std::string why;
  if (isProjectPath(target)) {
    why = saveProjectFile(target, withPositions, runs.last() ? &*runs.last() : nullptr, &review);
  } else if (!writeFileAtomically(target, writeScenarioJson(withPositions), &why) && why.empty()) {
    why = "cannot write " + target;
  }
  return why;
}

}  // namespace

QString TopologyDocument::displayName() const {
  return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

bool TopologyDocument::load(const QString& path, QStringList* errors) {
  // The editor opens whatever it can save, unfinished wiring included (see loadAs).
  return loadAs(path, path, false, errors);
}

bool TopologyDocument::canLoad(const QString& path, QStringList* errors) {
  TopologyDocument probe;
  return probe.load(path, errors);
}

Scenario TopologyDocument::scenarioWithPositions() const {
  Scenario s = m_scenario;
  for (ComponentSpec& c : s.components) {
    const QPointF at = position(c.id);
    c.position = std::make_pair(at.x(), at.y());
  }
  return s;
}

bool TopologyDocument::saveAs(const QString& path, QString* error) {
  const std::string why = writeDocumentFile(path.toStdString(), scenarioWithPositions(), m_runs, m_review);
  if (!why.empty()) {
    if (error) *error = QString::fromStdString(why);
    return false;
  }
  m_path = path;
  m_undo.setClean();
  emit saved();
  return true;
}

bool TopologyDocument::writeCopy(const QString& path, QString* error) const {
  const std::string why = writeDocumentFile(path.toStdString(), scenarioWithPositions(), m_runs, m_review);
  if (!why.empty() && error) *error = QString::fromStdString(why);
  return why.empty();
}

bool TopologyDocument::savesAsProject() const {
  return m_path.isEmpty() || isProjectPath(m_path.toStdString());
}

void TopologyDocument::setLastRun(StoredRun run) {
  m_runs.keep(std::move(run));
  if (savesAsProject()) m_undo.resetClean();
  emit lastRunChanged();
}

void TopologyDocument::clear() {
  m_scenario = Scenario{};
  m_runs = RunHistory{};
  m_review = ProjectReview{};
  m_path.clear();
  m_positions.clear();
  m_undo.clear();
  emit reset();
}

bool TopologyDocument::loadAs(const QString& source, const QString& documentPath, bool modified,
                              QStringList* errors) {
  ScenarioLoad read = loadScenarioOrProject(source.toStdString(), workInProgressRegistry());
  if (!read.ok()) {
    if (errors) {
      for (const Diagnostic& d : read.errors) errors->append(QString::fromStdString(d.format()));
    }
    return false;
  }
  // Parameter sets point at their kind's schema: move them onto the built-in kinds' (the same
  // declarations), so the document looks exactly as if it had been opened normally.
  for (ComponentSpec& c : read.scenario->components) {
    ParamSet params(builtinRegistry().find(c.kind)->params);
    for (std::size_t i = 0; i < params.specs().size(); ++i) params.set(i, c.params.value(i));
    c.params = std::move(params);
  }
  m_scenario = std::move(*read.scenario);
  // A stored run that cannot be read is dropped (the project itself opened); a later save
  // writes the project without it.
  m_runs = RunHistory(isProjectPath(source.toStdString()) ? loadStoredRun(source.toStdString()) : std::nullopt);
  // Likewise a review that cannot be read starts empty rather than refusing the project.
  m_review = isProjectPath(source.toStdString()) ? loadProjectReview(source.toStdString()).value_or(ProjectReview{})
                                                 : ProjectReview{};
  m_path = documentPath;
  m_undo.clear();
  // An empty history that is not clean: nothing to undo, yet closing asks to save.
  if (modified) m_undo.resetClean();
  m_positions.clear();
  for (const ComponentSpec& c : m_scenario.components) {
    if (c.position) m_positions[c.id] = QPointF(c.position->first, c.position->second);
  }
  placeUnpositioned();
  emit reset();
  emit lastRunChanged();
  emit reviewChanged();
  return true;
}

}  // namespace pillars
