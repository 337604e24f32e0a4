#include "widgets/document/topology_document.hpp"

#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <deque>
#include <stdexcept>

#include "engine/io/project_file.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/util/atomic_file.hpp"
#include "engine/util/units.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/model/scenario_edits.hpp"
#include "engine/review/apply_pattern.hpp"
#include "widgets/common/duration_text.hpp"
#include "widgets/document/commands/add_component_command.hpp"
#include "widgets/document/starting_parameters.hpp"
#include "widgets/document/commands/connect_command.hpp"
#include "widgets/document/commands/move_components_command.hpp"
#include "widgets/document/commands/restructure_command.hpp"
#include "widgets/document/commands/set_group_kind_command.hpp"
#include "widgets/document/commands/set_group_label_command.hpp"
#include "widgets/document/commands/set_parameters_command.hpp"
#include "widgets/document/commands/set_review_command.hpp"

namespace pillars {

TopologyDocument::TopologyDocument(QObject* parent) : QObject(parent) {
  connect(&m_undo, &QUndoStack::cleanChanged, this,
          [this](bool clean) { emit modifiedChanged(!clean); });
}

TopologyDocument::~TopologyDocument() {
  // The undo stack clears itself as it goes and says so (indexChanged): listeners may be
  // half-destroyed by then (the main window that owns this document), so it goes quietly.
  m_undo.blockSignals(true);
}

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
  const std::string target = path.toStdString();
  std::string why;
  if (isProjectPath(target)) {
    why = saveProjectFile(target, scenarioWithPositions(), m_lastRun ? &*m_lastRun : nullptr, &m_review);
  } else if (!writeFileAtomically(target, writeScenarioJson(scenarioWithPositions()), &why) && why.empty()) {
    why = "cannot write " + target;
  }
  if (!why.empty()) {
    if (error) *error = QString::fromStdString(why);
    return false;
  }
  m_path = path;
  m_undo.setClean();
  emit saved();
  return true;
}

QPointF TopologyDocument::position(const std::string& componentId) const {
  const auto it = m_positions.find(componentId);
  return it == m_positions.end() ? QPointF() : it->second;
}

void TopologyDocument::placeUnpositioned() {
  // Layers by distance from the components nobody calls (usually the clients), so requests
  // flow left to right; a stand-in until the Graphviz layout arrives.
  const auto& comps = m_scenario.components;
  std::map<std::string, int> layer;
  std::deque<std::string> frontier;
  for (const ComponentSpec& c : comps) {
    const bool called = std::any_of(m_scenario.links.begin(), m_scenario.links.end(),
                                    [&](const LinkSpec& l) { return l.to == c.id; });
    if (!called) {
      layer[c.id] = 0;
      frontier.push_back(c.id);
    }
  }
  while (!frontier.empty()) {
    const std::string id = frontier.front();
    frontier.pop_front();
    for (const LinkSpec& l : m_scenario.links) {
      if (l.from == id && !layer.count(l.to)) {
        layer[l.to] = layer[id] + 1;
        frontier.push_back(l.to);
      }
    }
  }
  std::map<int, int> filled;
  for (const ComponentSpec& c : comps) {
    if (m_positions.count(c.id)) continue;
    const int x = layer.count(c.id) ? layer[c.id] : 0;
    const int y = filled[x]++;
    m_positions[c.id] = QPointF(x * 260.0, y * 120.0);
  }
}

// --- Edits ------------------------------------------------------------------------------------

std::string TopologyDocument::addComponent(const std::string& kind, QPointF at) {
  const ComponentKind* k = builtinRegistry().find(kind);
  if (!k) throw std::invalid_argument("unknown component kind " + kind);
  ComponentSpec c;
  c.id = freshId(m_scenario, kind);
  c.kind = kind;
  c.params = ParamSet(k->params);
  applyStartingParameters(c);
  const std::string id = c.id;
  m_undo.push(new AddComponentCommand(*this, std::move(c), at));
  return id;
}

void TopologyDocument::pushRestructure(const QString& label, Scenario after) {
  Scenario before = scenarioWithPositions();
  if (writeScenarioJson(before) == writeScenarioJson(after)) return;
  m_undo.push(new RestructureCommand(*this, label, std::move(before), std::move(after)));
}

void TopologyDocument::remove(const std::vector<std::string>& componentIds,
                              const std::vector<std::string>& linkIds,
                              const std::vector<std::string>& groupIds) {
  const std::size_t count = componentIds.size() + linkIds.size() + groupIds.size();
  if (count == 0) return;
  Scenario next = scenarioWithPositions();
  removeGroups(next, groupIds);
  removeLinks(next, linkIds);
  pillars::removeComponents(next, componentIds);
  QString label;
  if (count == 1) {
    const std::string& only = !componentIds.empty() ? componentIds.front()
                              : !linkIds.empty()    ? linkIds.front()
                                                    : groupIds.front();
    label = tr("Delete %1").arg(QString::fromStdString(only));
  } else {
    label = tr("Delete %n items", nullptr, static_cast<int>(count));
  }
  pushRestructure(label, std::move(next));
}

QString TopologyDocument::renameComponent(const std::string& id, const std::string& newId) {
  if (!m_scenario.findComponent(id)) return tr("No component %1.").arg(QString::fromStdString(id));
  if (newId == id) return {};
  if (!isValidId(newId)) {
    return tr("An id is 1 to 128 letters, digits and _ - . : > (no spaces).");
  }
  if (idInUse(m_scenario, newId)) {
    return tr("%1 is already taken; ids are unique across components, links and groups.")
        .arg(QString::fromStdString(newId));
  }
  Scenario next = scenarioWithPositions();
  pillars::renameComponent(next, id, newId);
  pushRestructure(tr("Rename %1 to %2").arg(QString::fromStdString(id), QString::fromStdString(newId)),
                  std::move(next));
  return {};
}

Scenario TopologyDocument::copyFragment(const std::vector<std::string>& componentIds) const {
  return extractFragment(scenarioWithPositions(), componentIds);
}

std::vector<std::string> TopologyDocument::pasteFragment(const Scenario& fragment, QPointF offset,
                                                         const QString& label) {
  if (fragment.components.empty()) return {};
  Scenario next = scenarioWithPositions();
  std::vector<std::string> added = mergeFragment(next, fragment, offset.x(), offset.y());
  // Components a hand-written fragment leaves unplaced appear where the paste lands.
  for (ComponentSpec& c : next.components) {
    if (!c.position) c.position = std::make_pair(offset.x(), offset.y());
  }
  pushRestructure(label, std::move(next));
  return added;
}

std::string TopologyDocument::createGroup(const std::string& kind, const std::vector<std::string>& componentIds,
                                          const std::vector<std::string>& groupIds) {
  if (componentIds.empty() && groupIds.empty()) return {};
  Scenario next = scenarioWithPositions();
  const std::string id = pillars::createGroup(next, kind, std::string(), componentIds, groupIds);
  pushRestructure(tr("Group into %1").arg(QString::fromStdString(id)), std::move(next));
  return id;
}

void TopologyDocument::setComponentsGroup(const std::vector<std::string>& componentIds,
                                          const std::string& groupId) {
  if (componentIds.empty()) return;
  Scenario next = scenarioWithPositions();
  assignToGroup(next, componentIds, groupId);
  const QString label = groupId.empty() ? tr("Remove from group")
                                        : tr("Move into %1").arg(QString::fromStdString(groupId));
  pushRestructure(label, std::move(next));
}

void TopologyDocument::moveComponents(const std::map<std::string, QPointF>& to, const QString& label) {
  std::map<std::string, QPointF> moved;
  for (const auto& [id, at] : to) {
    if (m_scenario.findComponent(id) && position(id) != at) moved[id] = at;
  }
  if (moved.empty()) return;
  auto* command = new MoveComponentsCommand(*this, std::move(moved));
  if (!label.isEmpty()) command->setText(label);
  m_undo.push(command);
}

QString TopologyDocument::connectComponents(const std::string& from, const std::string& to) {
  if (!m_scenario.findComponent(from) || !m_scenario.findComponent(to)) {
    return tr("Both ends of a link must be components.");
  }
  if (from == to) return tr("A component cannot be linked to itself.");
  for (const LinkSpec& l : m_scenario.links) {
    if ((l.from == from && l.to == to) || (l.from == to && l.to == from)) {
      return tr("%1 and %2 are already linked; links carry traffic both ways.")
          .arg(QString::fromStdString(from), QString::fromStdString(to));
    }
  }
  // Some kinds send only to certain kinds (a shard router to stores). The file format refuses
  // any other link, so drawing one would make a design that saves and does not open again.
  const ComponentKind& sender = kindTraits(m_scenario.findComponent(from)->kind);
  const std::string& receiver = m_scenario.findComponent(to)->kind;
  if (!sender.outgoingKinds.empty() &&
      std::find(sender.outgoingKinds.begin(), sender.outgoingKinds.end(), receiver) == sender.outgoingKinds.end()) {
    QStringList kinds;
    for (const std::string& k : sender.outgoingKinds) kinds << QString::fromStdString(k);
    return tr("A %1 sends only to %2 components; %3 is a %4.")
        .arg(QString::fromStdString(sender.name), kinds.join(tr(" or ")), QString::fromStdString(to),
             QString::fromStdString(receiver));
  }
  LinkSpec l;
  l.from = from;
  l.to = to;
  l.id = from + "->" + to;
  l.params = ParamSet(linkParamSpecs());
  m_undo.push(new ConnectCommand(*this, std::move(l)));
  return {};
}

QString TopologyDocument::setParameter(const std::string& componentId, const std::string& param,
                                       const QString& text) {
  return setManyParameters(false, {componentId}, param, text);
}

// --- Primitive mutators -----------------------------------------------------------------------

std::size_t TopologyDocument::componentIndex(const std::string& id) const {
  const auto& comps = m_scenario.components;
  return static_cast<std::size_t>(
      std::find_if(comps.begin(), comps.end(), [&](const ComponentSpec& c) { return c.id == id; }) -
      comps.begin());
}

void TopologyDocument::insertComponent(std::size_t index, ComponentSpec component, QPointF at) {
  const std::string id = component.id;
  auto& comps = m_scenario.components;
  comps.insert(comps.begin() + static_cast<std::ptrdiff_t>(std::min(index, comps.size())),
               std::move(component));
  m_positions[id] = at;
  emit componentAdded(id);
}

ComponentSpec TopologyDocument::takeComponent(const std::string& id, std::size_t* index) {
  auto& comps = m_scenario.components;
  const std::size_t i = componentIndex(id);
  ComponentSpec spec = std::move(comps[i]);
  comps.erase(comps.begin() + static_cast<std::ptrdiff_t>(i));
  m_positions.erase(id);
  if (index) *index = i;
  emit componentRemoved(id);
  return spec;
}

void TopologyDocument::insertLink(std::size_t index, LinkSpec link) {
  const std::string id = link.id;
  auto& links = m_scenario.links;
  links.insert(links.begin() + static_cast<std::ptrdiff_t>(std::min(index, links.size())),
               std::move(link));
  emit linkAdded(id);
}

LinkSpec TopologyDocument::takeLink(const std::string& id, std::size_t* index) {
  auto& links = m_scenario.links;
  const auto it = std::find_if(links.begin(), links.end(), [&](const LinkSpec& l) { return l.id == id; });
  if (index) *index = static_cast<std::size_t>(it - links.begin());
  LinkSpec spec = std::move(*it);
  links.erase(it);
  emit linkRemoved(id);
  return spec;
}

void TopologyDocument::restoreModel(const Scenario& withPositions) {
  m_scenario = withPositions;
  m_positions.clear();
  for (const ComponentSpec& c : m_scenario.components) {
    if (c.position) m_positions[c.id] = QPointF(c.position->first, c.position->second);
  }
  placeUnpositioned();
  emit restructured();
}

void TopologyDocument::placeComponent(const std::string& id, QPointF at) {
  m_positions[id] = at;
  emit componentMoved(id);
}

void TopologyDocument::assignParameter(const std::string& componentId, std::size_t param,
                                       ParamValue value) {
  ComponentSpec& c = m_scenario.components[componentIndex(componentId)];
  c.params.set(param, std::move(value));
  emit componentChanged(componentId);
}

// --- Whole-document operations (files) --------------------------------------------------------

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

}  // namespace

QString TopologyDocument::applyPattern(const review::ApplyHint& hint, const QString& label) {
  Scenario next = scenarioWithPositions();
  const std::string error = review::applyHint(next, hint);
  if (!error.empty()) return QString::fromStdString(error);
  pushRestructure(label, std::move(next));
  return {};
}

bool TopologyDocument::savesAsProject() const {
  return m_path.isEmpty() || isProjectPath(m_path.toStdString());
}

void TopologyDocument::setLastRun(StoredRun run) {
  // The replaced run stays for comparison: "run, apply a pattern, run again" is the point.
  m_previousRun = std::move(m_lastRun);
  m_lastRun = std::move(run);
  if (savesAsProject()) m_undo.resetClean();
  emit lastRunChanged();
}

void TopologyDocument::clear() {
  m_scenario = Scenario{};
  m_lastRun.reset();
  m_previousRun.reset();
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
  m_previousRun.reset();
  m_lastRun = isProjectPath(source.toStdString()) ? loadStoredRun(source.toStdString()) : std::nullopt;
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

void TopologyDocument::setReviewAnswer(const std::string& questionId, const review::Answer& answer) {
  setReviewAnswers({{questionId, answer}}, tr("Answer %1").arg(QString::fromStdString(questionId)));
}

void TopologyDocument::setReviewAnswers(const review::Answers& answers, const QString& label) {
  ProjectReview after = m_review;
  for (const auto& [questionId, answer] : answers) {
    const bool empty = answer.choice.empty() && !answer.notApplicable && answer.reason.empty() && answer.note.empty();
    if (empty) {
      after.answers.erase(questionId);
    } else {
      after.answers[questionId] = answer;
    }
  }
  if (after == m_review) return;
  m_undo.push(new SetReviewCommand(*this, std::move(after), label));
}

void TopologyDocument::addMilestone(const std::string& name, const std::string& date, const review::Answers* answers) {
  ProjectReview after = m_review;
  // A milestone freezes the answers as they were: none of them follows the design any more.
  review::Answers frozen = answers ? *answers : m_review.answers;
  for (auto& [id, answer] : frozen) {
    answer.fromSuggestion = false;
    answer.basis.clear();
  }
  after.milestones.push_back(review::Milestone{name, std::move(frozen), date});
  m_undo.push(new SetReviewCommand(*this, std::move(after), tr("Milestone %1").arg(QString::fromStdString(name))));
}

void TopologyDocument::setReviewFacts(const std::map<std::string, std::string>& facts) {
  if (facts == m_review.facts) return;
  ProjectReview after = m_review;
  after.facts = facts;
  m_undo.push(new SetReviewCommand(*this, std::move(after), tr("Recommender facts")));
}

void TopologyDocument::assignReview(ProjectReview review) {
  m_review = std::move(review);
  emit reviewChanged();
}

bool TopologyDocument::writeCopy(const QString& path, QString* error) const {
  const std::string target = path.toStdString();
  std::string why;
  if (isProjectPath(target)) {
    why = saveProjectFile(target, scenarioWithPositions(), m_lastRun ? &*m_lastRun : nullptr, &m_review);
  } else if (!writeFileAtomically(target, writeScenarioJson(scenarioWithPositions()), &why) && why.empty()) {
    why = "cannot write " + target;
  }
  if (!why.empty() && error) *error = QString::fromStdString(why);
  return why.empty();
}

// --- Link and group properties, multi-edits (inspector) ---------------------------------------

namespace {

/// Parses `text` against each target's own schema (kinds sharing a parameter name may differ
/// in range) and lists every target's change. Any refusal stops the whole edit: a multi-edit
/// applies to all or to none.
QString collectChanges(const Scenario& scenario, bool links, const std::vector<std::string>& ids,
                       const std::string& param, const QString& text,
                       std::vector<SetParametersCommand::Change>* out) {
  const auto paramsOf = [&](const std::string& id) -> const ParamSet* {
    if (links) {
      const LinkSpec* l = scenario.findLink(id);
      return l ? &l->params : nullptr;
    }
    const ComponentSpec* c = scenario.findComponent(id);
    return c ? &c->params : nullptr;
  };
  const std::string typed = text.trimmed().toStdString();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const ParamSet* params = paramsOf(ids[i]);
    if (!params) {
      return (links ? QObject::tr("No link %1.") : QObject::tr("No component %1.")).arg(QString::fromStdString(ids[i]));
    }
    const auto index = params->indexOf(param);
    if (!index) {
      return QObject::tr("%1 has no parameter %2.")
          .arg(QString::fromStdString(ids[i]), QString::fromStdString(param));
    }
    std::string why;
    auto value = parseParamText(params->specs()[*index], typed, &why);
    if (!value) {
      // Name the target only when an earlier one took the text: then the kinds disagree.
      const QString reason = QString::fromStdString(why);
      return i == 0 ? reason : QStringLiteral("%1: %2").arg(QString::fromStdString(ids[i]), reason);
    }
    out->push_back({ids[i], *index, params->value(*index), std::move(*value)});
  }
  return {};
}

bool changesAnything(const std::vector<SetParametersCommand::Change>& changes) {
  return std::any_of(changes.begin(), changes.end(),
                     [](const SetParametersCommand::Change& c) { return c.before != c.after; });
}

}  // namespace

QString TopologyDocument::setLinkParameter(const std::string& linkId, const std::string& param,
                                           const QString& text) {
  return setManyParameters(true, {linkId}, param, text);
}

QString TopologyDocument::setParameters(const std::vector<std::string>& componentIds,
                                        const std::string& param, const QString& text) {
  return setManyParameters(false, componentIds, param, text);
}

QString TopologyDocument::setLinkParameters(const std::vector<std::string>& linkIds,
                                            const std::string& param, const QString& text) {
  return setManyParameters(true, linkIds, param, text);
}

QString TopologyDocument::checkParameters(bool links, const std::vector<std::string>& ids, const std::string& param,
                                          const QString& text) const {
  std::vector<SetParametersCommand::Change> changes;
  return collectChanges(m_scenario, links, ids, param, text, &changes);
}

QString TopologyDocument::setManyParameters(bool links, const std::vector<std::string>& ids,
                                            const std::string& param, const QString& text) {
  const auto target = links ? SetParametersCommand::Target::Links : SetParametersCommand::Target::Components;
  std::vector<SetParametersCommand::Change> changes;
  const QString problem = collectChanges(m_scenario, links, ids, param, text, &changes);
  if (!problem.isEmpty()) return problem;
  if (changesAnything(changes)) m_undo.push(new SetParametersCommand(*this, target, param, std::move(changes)));
  return {};
}

QString TopologyDocument::setGroupLabel(const std::string& groupId, const QString& text) {
  const GroupSpec* g = m_scenario.findGroup(groupId);
  if (!g) return tr("No group %1.").arg(QString::fromStdString(groupId));
  std::string label = text.trimmed().toStdString();
  if (label == g->label) return {};
  m_undo.push(new SetGroupLabelCommand(*this, groupId, std::move(label)));
  return {};
}

QString TopologyDocument::setGroupKind(const std::string& groupId, const QString& kind) {
  const GroupSpec* g = m_scenario.findGroup(groupId);
  if (!g) return tr("No group %1.").arg(QString::fromStdString(groupId));
  const std::string k = kind.toStdString();
  if (k != GroupSpec::kZone && k != GroupSpec::kRegion) return tr("A group is a zone or a region, not %1.").arg(kind);
  if (k == g->kind) return {};
  m_undo.push(new SetGroupKindCommand(*this, groupId, k));
  return {};
}

void TopologyDocument::assignLinkParameter(const std::string& linkId, std::size_t param, ParamValue value) {
  for (LinkSpec& l : m_scenario.links) {
    if (l.id != linkId) continue;
    l.params.set(param, std::move(value));
    emit linkChanged(linkId);
    return;
  }
}

GroupSpec* TopologyDocument::mutableGroup(const std::string& groupId) {
  for (GroupSpec& g : m_scenario.groups) {
    if (g.id == groupId) return &g;
  }
  return nullptr;
}

void TopologyDocument::assignGroupLabel(const std::string& groupId, const std::string& label) {
  if (GroupSpec* g = mutableGroup(groupId)) {
    g->label = label;
    emit groupChanged(groupId);
  }
}

void TopologyDocument::assignGroupKind(const std::string& groupId, const std::string& kind) {
  if (GroupSpec* g = mutableGroup(groupId)) {
    g->kind = kind;
    emit groupChanged(groupId);
  }
}

// --- Fault timeline ---------------------------------------------------------------------------

namespace {

/// Where a fault at `at` goes: after every fault at that time or earlier, so same-time faults
/// keep the order they were added in (as the file reader does).
void insertByTime(std::vector<FaultSpec>& faults, const FaultSpec& fault) {
  const auto at = std::upper_bound(faults.begin(), faults.end(), fault.at,
                                   [](SimTime t, const FaultSpec& f) { return t < f.at; });
  faults.insert(at, fault);
}

}  // namespace

QString TopologyDocument::describeFault(const FaultSpec& fault) {
  QString text = QStringLiteral("%1 %2").arg(QString::fromStdString(std::string(faultActionName(fault.action))),
                                             QString::fromStdString(fault.target));
  switch (fault.action) {
    case FaultAction::Slow: text += QStringLiteral(" \u00d7%1").arg(fault.value); break;
    case FaultAction::Delay: text += QStringLiteral(" +%1").arg(readableDuration(fault.latency)); break;
    case FaultAction::Loss: text += QStringLiteral(" %1%").arg(fault.value * 100); break;
    case FaultAction::Scale: text += tr(" to %1").arg(fault.value); break;
    default: break;
  }
  return text + tr(" at %1").arg(readableDuration(fault.at));
}

QString TopologyDocument::checkFault(const FaultSpec& fault) const {
  // The same rules as the scenario reader, so what the timeline accepts always saves and loads.
  if (fault.at < 0) return tr("A fault cannot happen before time 0.");
  const QString target = QString::fromStdString(fault.target);
  if (faultTargetsLink(fault.action)) {
    if (!m_scenario.findLink(fault.target)) return tr("No link has the id %1.").arg(target);
  } else if (!m_scenario.findComponent(fault.target) && !m_scenario.findGroup(fault.target)) {
    return tr("No component or group has the id %1.").arg(target);
  }
  switch (fault.action) {
    case FaultAction::Slow:
      if (!(fault.value >= 1.0)) return tr("A slowdown factor is a number >= 1 (1 restores normal speed).");
      break;
    case FaultAction::Loss:
      if (!(fault.value >= 0.0 && fault.value <= 1.0)) return tr("A loss probability is from 0 to 1 (0% to 100%).");
      break;
    case FaultAction::Delay:
      if (fault.latency < 0) return tr("Added latency cannot be negative.");
      break;
    case FaultAction::Scale:
      if (!(fault.value >= 1.0 && fault.value <= kMaxReplicas) || fault.value != std::floor(fault.value)) {
        return tr("A replica set scales to a whole number of instances from 1 to %1.").arg(kMaxReplicas);
      }
      break;
    default: break;
  }
  // A kind's own action (Raft's timeout) needs a kind that has it.
  if (const ComponentSpec* c = m_scenario.findComponent(fault.target);
      c && !kindTraits(c->kind).acceptsFault(fault.action)) {
    return tr("Only a %1 (or a group) can take \u201c%2\u201d; %3 is a %4.")
        .arg(QString::fromStdString(kindsAccepting(builtinRegistry(), fault.action)),
             QString::fromStdString(std::string(faultActionName(fault.action))), target,
             QString::fromStdString(c->kind));
  }
  return {};
}

void TopologyDocument::addFault(const FaultSpec& fault) {
  Scenario next = scenarioWithPositions();
  insertByTime(next.faults, fault);
  pushRestructure(tr("Add fault: %1").arg(describeFault(fault)), std::move(next));
}

void TopologyDocument::removeFaults(const std::vector<std::size_t>& indices) {
  Scenario next = scenarioWithPositions();
  std::vector<bool> drop(next.faults.size(), false);
  std::size_t count = 0;
  std::size_t only = 0;
  for (const std::size_t i : indices) {
    if (i >= drop.size() || drop[i]) continue;
    drop[i] = true;
    only = i;
    ++count;
  }
  if (count == 0) return;
  const QString label = count == 1 ? tr("Remove fault: %1").arg(describeFault(next.faults[only]))
                                   : tr("Remove %n faults", nullptr, static_cast<int>(count));
  std::vector<FaultSpec> kept;
  for (std::size_t i = 0; i < next.faults.size(); ++i) {
    if (!drop[i]) kept.push_back(next.faults[i]);
  }
  next.faults = std::move(kept);
  pushRestructure(label, std::move(next));
}

QString TopologyDocument::setFault(std::size_t index, const FaultSpec& fault) {
  if (index >= m_scenario.faults.size()) return tr("There is no such fault.");
  if (QString why = checkFault(fault); !why.isEmpty()) return why;
  Scenario next = scenarioWithPositions();
  next.faults.erase(next.faults.begin() + static_cast<std::ptrdiff_t>(index));
  insertByTime(next.faults, fault);
  pushRestructure(tr("Edit fault: %1").arg(describeFault(fault)), std::move(next));
  return {};
}

}  // namespace pillars
