// TopologyDocument, the inspector's edits: link parameters, one parameter on many components or
// links as one step, a group's label and kind.
#include <algorithm>

#include "widgets/document/commands/set_group_kind_command.hpp"
#include "widgets/document/commands/set_group_label_command.hpp"
#include "widgets/document/commands/set_parameters_command.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {

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

void TopologyDocument::assignLinkParameter(UndoCommandKey, const std::string& linkId, std::size_t param, ParamValue value) {
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

void TopologyDocument::assignGroupLabel(UndoCommandKey, const std::string& groupId, const std::string& label) {
  if (GroupSpec* g = mutableGroup(groupId)) {
    g->label = label;
    emit groupChanged(groupId);
  }
}

void TopologyDocument::assignGroupKind(UndoCommandKey, const std::string& groupId, const std::string& kind) {
  if (GroupSpec* g = mutableGroup(groupId)) {
    g->kind = kind;
    emit groupChanged(groupId);
  }
}

}  // namespace pillars
