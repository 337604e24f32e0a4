#include "widgets/window/inspector_panel.hpp"

#include <QLabel>
#include <QStackedWidget>
#include <QStringList>
#include <QVBoxLayout>
#include <algorithm>

#include "engine/model/component_kind.hpp"
#include "widgets/canvas/kind_style.hpp"
#include "widgets/common/deferred_call.hpp"
#include "widgets/common/count_text.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/inspector_facts.hpp"
#include "widgets/window/inspector_group_view.hpp"
#include "widgets/window/inspector_heading.hpp"
#include "widgets/window/inspector_live_stats.hpp"
#include "widgets/window/inspector_param_table.hpp"
#include "widgets/window/inspector_sheet.hpp"

namespace pillars {

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

constexpr int kParamPage = 1;
constexpr int kGroupPage = 2;

/// "web1, web2, web3" — or the first few and how many more.
QString idList(const std::vector<std::string>& ids) {
  QStringList shown;
  for (std::size_t i = 0; i < ids.size() && i < 4; ++i) shown << text(ids[i]);
  QString list = shown.join(QStringLiteral(", "));
  if (ids.size() > 4) list += InspectorPanel::tr(" and %n more", nullptr, static_cast<int>(ids.size() - 4));
  return list;
}

/// What else is selected but not shown, for the subtitle: "also 2 links selected".
QString alsoSelected(std::size_t links, std::size_t groups) {
  QStringList parts;
  if (links) parts << countText(static_cast<long long>(links), InspectorPanel::tr("link"), InspectorPanel::tr("links"));
  if (groups) {
    parts << countText(static_cast<long long>(groups), InspectorPanel::tr("group"), InspectorPanel::tr("groups"));
  }
  if (parts.isEmpty()) return {};
  return InspectorPanel::tr("also selected: %1").arg(parts.join(QStringLiteral(", ")));
}

QString withAlso(QString subtitle, const QString& also) {
  if (also.isEmpty()) return subtitle;
  return subtitle.isEmpty() ? also : subtitle + QStringLiteral(" \u00b7 ") + also;
}

/// Drops ids no longer in the model (removed while selected, before the canvas says so).
template <typename Find>
std::vector<std::string> present(std::vector<std::string> ids, Find find) {
  ids.erase(std::remove_if(ids.begin(), ids.end(), [&](const std::string& id) { return !find(id); }), ids.end());
  return ids;
}

}  // namespace

InspectorPanel::InspectorPanel(TopologyDocument& document, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_heading(new InspectorHeading(this)),
      m_facts(new InspectorFacts(this)),
      m_liveStats(new InspectorLiveStats(this)),
      m_pages(new QStackedWidget(this)),
      m_hint(new QLabel(this)),
      m_table(new InspectorParamTable(
          [this](const std::string& param, const QString& value) { return apply(param, value); },
          [this](const std::string& param, const QString& value) { return check(param, value); }, this)),
      m_groupView(new InspectorGroupView(document, this)),
      m_problem(new QLabel(this)),
      m_refreshLater(new DeferredCall([this] { refresh(); }, this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 8, 6, 6);
  layout->setSpacing(8);
  layout->addWidget(m_heading);
  layout->addWidget(m_facts);
  layout->addWidget(m_liveStats);
  layout->addWidget(m_pages, 1);

  m_hint->setObjectName(QStringLiteral("inspectorHint"));
  m_hint->setAlignment(Qt::AlignCenter);
  m_hint->setWordWrap(true);
  QPalette grey = m_hint->palette();
  grey.setColor(QPalette::WindowText, grey.color(QPalette::PlaceholderText));
  m_hint->setPalette(grey);
  // Pages: a hint, the parameter table with the refusal reason right under it, a group.
  m_pages->addWidget(m_hint);
  auto* paramPage = new QWidget(this);
  auto* paramLayout = new QVBoxLayout(paramPage);
  paramLayout->setContentsMargins(0, 0, 0, 0);
  paramLayout->addWidget(m_table);
  paramLayout->addWidget(m_problem);
  paramLayout->addStretch(1);
  m_pages->addWidget(paramPage);
  auto* groupPage = new QWidget(this);
  auto* groupLayout = new QVBoxLayout(groupPage);
  groupLayout->setContentsMargins(0, 0, 0, 0);
  groupLayout->addWidget(m_groupView);
  groupLayout->addStretch(1);
  m_pages->addWidget(groupPage);

  // The reason a value was refused, right under the table where the eye already is.
  m_problem->setObjectName(QStringLiteral("inspectorProblem"));
  m_problem->setWordWrap(true);
  m_problem->setTextFormat(Qt::PlainText);
  m_problem->setStyleSheet(QStringLiteral(
      "QLabel { background: #ffebee; color: #b71c1c; border: 1px solid #ef9a9a; "
      "border-radius: 3px; padding: 4px 6px; }"));
  m_problem->hide();
  connect(m_table, &InspectorParamTable::problemsChanged, this, &InspectorPanel::updateProblem);
  connect(m_table, &InspectorParamTable::invalidValue, this, &InspectorPanel::invalidValue);

  // Any change may touch what is shown (an undo, a rename, a regrouping): refill, later.
  for (auto signal : {&TopologyDocument::componentAdded, &TopologyDocument::componentRemoved,
                      &TopologyDocument::componentChanged, &TopologyDocument::linkAdded,
                      &TopologyDocument::linkRemoved, &TopologyDocument::linkChanged,
                      &TopologyDocument::groupChanged}) {
    connect(&m_document, signal, this, &InspectorPanel::scheduleRefresh);
  }
  connect(&m_document, &TopologyDocument::restructured, this, &InspectorPanel::scheduleRefresh);
  connect(&m_document, &TopologyDocument::reset, this, &InspectorPanel::scheduleRefresh);
  refresh();
}

void InspectorPanel::setLiveRun(LiveRun* run) { m_liveStats->setLiveRun(run); }

void InspectorPanel::showSelection(std::vector<std::string> componentIds, std::vector<std::string> linkIds,
                                   std::vector<std::string> groupIds) {
  m_components = std::move(componentIds);
  m_links = std::move(linkIds);
  m_groups = std::move(groupIds);
  scheduleRefresh();
}

void InspectorPanel::showComponent(const std::string& componentId) {
  showSelection(componentId.empty() ? std::vector<std::string>{} : std::vector<std::string>{componentId}, {}, {});
}

void InspectorPanel::scheduleRefresh() {
  // Deferred: selection signals arrive while the canvas rebuilds its items, and an edit
  // arrives while an editor is still handling its keystroke. Many requests, one refill.
  m_refreshLater->request();
}

void InspectorPanel::refresh() {
  const Scenario& s = m_document.scenario();
  m_components = present(m_components, [&](const std::string& id) { return s.findComponent(id); });
  m_links = present(m_links, [&](const std::string& id) { return s.findLink(id); });
  m_groups = present(m_groups, [&](const std::string& id) { return s.findGroup(id); });
  if (!m_components.empty()) {
    showComponents();
  } else if (!m_links.empty()) {
    showLinks();
  } else if (m_groups.size() == 1) {
    showGroup();
  } else if (!m_groups.empty()) {
    showNothing(tr("%n groups are selected. Select one zone or region to edit it.", nullptr,
                   static_cast<int>(m_groups.size())));
  } else {
    showNothing(tr("Select a component, link, zone or region to see its properties."));
  }
}

void InspectorPanel::showNothing(const QString& hint) {
  m_showing = Showing::Nothing;
  m_shownIds.clear();
  m_heading->setContent({}, {}, {});
  m_facts->setFacts({});
  m_liveStats->showNothing();
  m_table->clearRows();
  m_hint->setText(hint);
  m_pages->setCurrentWidget(m_hint);
}

void InspectorPanel::showComponents() {
  const Scenario& s = m_document.scenario();
  std::vector<const ParamSet*> sets;
  std::vector<std::string> kinds;
  for (const std::string& id : m_components) {
    const ComponentSpec* c = s.findComponent(id);
    sets.push_back(&c->params);
    if (std::find(kinds.begin(), kinds.end(), c->kind) == kinds.end()) kinds.push_back(c->kind);
  }
  const QString also = alsoSelected(m_links.size(), m_groups.size());
  if (m_components.size() == 1) {
    const ComponentSpec& c = *s.findComponent(m_components.front());
    const ComponentKind* kind = builtinRegistry().find(c.kind);
    QString subtitle = kindstyle::title(c.kind);
    if (kind) subtitle += QStringLiteral(" \u00b7 ") + tr("%1 pillar").arg(text(std::string(pillarName(kind->pillar))));
    m_heading->setContent(kindstyle::icon(c.kind), text(c.id), withAlso(subtitle, also));
    QString groups;
    for (const GroupSpec& g : s.groups) {
      if (std::find(g.members.begin(), g.members.end(), c.id) == g.members.end()) continue;
      if (!groups.isEmpty()) groups += QStringLiteral(", ");
      groups += text(g.label.empty() ? g.id : g.label);
    }
    m_facts->setFacts(groups.isEmpty() ? std::vector<std::pair<QString, QString>>{}
                                       : std::vector<std::pair<QString, QString>>{{tr("Group"), groups}});
    m_liveStats->showComponent(c.id);
  } else {
    const QString kindText = kinds.size() == 1 ? text(kinds.front()) : tr("mixed kinds");
    m_heading->setContent(kinds.size() == 1 ? kindstyle::icon(kinds.front()) : QIcon(),
                          tr("%n components (%1)", nullptr, static_cast<int>(m_components.size())).arg(kindText),
                          withAlso(idList(m_components), also));
    m_facts->setFacts({});
    m_liveStats->showNothing();
  }
  std::vector<SheetRow> rows = commonParameters(sets);
  showingNow(Showing::Components, m_components);
  if (rows.empty()) {
    m_table->clearRows();
    m_hint->setText(tr("These components share no parameters."));
    m_pages->setCurrentWidget(m_hint);
    return;
  }
  m_table->showRows(rows);
  m_pages->setCurrentIndex(kParamPage);
}

void InspectorPanel::showLinks() {
  const Scenario& s = m_document.scenario();
  std::vector<const ParamSet*> sets;
  for (const std::string& id : m_links) sets.push_back(&s.findLink(id)->params);
  const QString also = alsoSelected(0, m_groups.size());
  if (m_links.size() == 1) {
    const LinkSpec& l = *s.findLink(m_links.front());
    const auto end = [&](const std::string& id) {
      const ComponentSpec* c = s.findComponent(id);
      return c ? tr("%1 (%2)").arg(text(id), kindstyle::title(c->kind)) : text(id);
    };
    m_heading->setContent(InspectorHeading::linkIcon(), text(l.from) + QStringLiteral(" \u2192 ") + text(l.to),
                          withAlso(tr("Link \u00b7 carries traffic both ways"), also));
    m_facts->setFacts({{tr("From"), end(l.from)}, {tr("To"), end(l.to)}});
    m_liveStats->showLink(l.id);
  } else {
    m_heading->setContent(InspectorHeading::linkIcon(),
                          tr("%n links", nullptr, static_cast<int>(m_links.size())),
                          withAlso(idList(m_links), also));
    m_facts->setFacts({});
    m_liveStats->showNothing();
  }
  showingNow(Showing::Links, m_links);
  m_table->showRows(commonParameters(sets));
  m_pages->setCurrentIndex(kParamPage);
}

void InspectorPanel::showGroup() {
  const GroupSpec& g = *m_document.scenario().findGroup(m_groups.front());
  const bool region = g.isRegion();
  m_heading->setContent(InspectorHeading::groupIcon(region), text(g.label.empty() ? g.id : g.label),
                        region ? tr("Region \u00b7 its members fail together") : tr("Zone \u00b7 its members fail together"));
  m_facts->setFacts({});
  m_liveStats->showNothing();
  m_table->clearRows();
  m_showing = Showing::Group;
  m_shownIds = m_groups;
  m_groupView->showGroup(g.id);
  m_pages->setCurrentIndex(kGroupPage);
}

void InspectorPanel::showingNow(Showing what, const std::vector<std::string>& ids) {
  // Other targets: fresh editors, so nothing typed for the previous ones lingers.
  if (what != m_showing || ids != m_shownIds) m_table->clearRows();
  m_showing = what;
  m_shownIds = ids;
}

QString InspectorPanel::apply(const std::string& param, const QString& value) {
  switch (m_showing) {
    case Showing::Components:
      // Both routes make one undo step; the single one names the component in its label.
      return m_shownIds.size() == 1 ? m_document.setParameter(m_shownIds.front(), param, value)
                                    : m_document.setParameters(m_shownIds, param, value);
    case Showing::Links:
      return m_shownIds.size() == 1 ? m_document.setLinkParameter(m_shownIds.front(), param, value)
                                    : m_document.setLinkParameters(m_shownIds, param, value);
    case Showing::Nothing:
    case Showing::Group: break;
  }
  return tr("Nothing is selected.");
}

QString InspectorPanel::check(const std::string& param, const QString& value) const {
  switch (m_showing) {
    case Showing::Components: return m_document.checkParameters(false, m_shownIds, param, value);
    case Showing::Links: return m_document.checkParameters(true, m_shownIds, param, value);
    case Showing::Nothing:
    case Showing::Group: break;
  }
  return tr("Nothing is selected.");
}

void InspectorPanel::updateProblem() {
  const QString problem = m_table->firstProblem();
  m_problem->setText(problem);
  m_problem->setVisible(!problem.isEmpty());
}

}  // namespace pillars
