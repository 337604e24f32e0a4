#include "monkey.hpp"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <algorithm>
#include <numeric>
#include <utility>

#include "widgets/canvas/group_item.hpp"
#include "widgets/canvas/link_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/main_window.hpp"

namespace pillars {

Monkey::Monkey(MainWindow& window, std::uint64_t seed, QString scratchDir)
    : m_window(window), m_random(seed), m_dir(std::move(scratchDir)) {}

const std::vector<Monkey::Action>& Monkey::actions() {
  // Weights: editing most, since that is what people do most and where document and canvas
  // can drift apart; running and faults next; the window and files now and then.
  static const std::vector<Action> table = {
      {"add", 8, &Monkey::addComponent},
      {"link", 8, &Monkey::linkTwo},
      {"delete", 5, &Monkey::deleteSome},
      {"undo", 7, &Monkey::undo},
      {"redo", 4, &Monkey::redo},
      {"clipboard", 3, &Monkey::clipboard},
      {"group", 3, &Monkey::group},
      {"rename", 2, &Monkey::rename},
      {"drag", 3, &Monkey::dragCards},
      {"layout", 1, &Monkey::autoLayout},
      {"component parameter", 10, &Monkey::editComponentParameter},
      {"link parameter", 4, &Monkey::editLinkParameter},
      {"run/pause", 3, &Monkey::playPause},
      {"step", 3, &Monkey::step},
      {"seek", 4, &Monkey::seek},
      {"reset", 2, &Monkey::resetRun},
      {"speed", 1, &Monkey::changeSpeed},
      {"fault menu", 4, &Monkey::faultFromMenu},
      {"fault", 3, &Monkey::faultByHand},
      {"remove fault", 1, &Monkey::removeFault},
      {"dock", 2, &Monkey::toggleDock},
      {"view", 2, &Monkey::switchView},
      {"save/reload", 2, &Monkey::saveAndReload},
      {"open", 1, &Monkey::openExample},
  };
  return table;
}

QString Monkey::act(const std::function<void(const char* name)>& starting) {
  const std::vector<Action>& table = actions();
  const int total = std::accumulate(table.begin(), table.end(), 0, [](int sum, const Action& a) { return sum + a.weight; });
  auto roll = static_cast<int>(m_random.below(static_cast<std::size_t>(total)));
  const Action* chosen = &table.front();
  for (const Action& a : table) {
    if (roll < a.weight) {
      chosen = &a;
      break;
    }
    roll -= a.weight;
  }
  ++m_counts[chosen->name];
  if (starting) starting(chosen->name);
  QString line = (this->*chosen->run)();
  // Whatever the action left for the event loop (deferred refreshes, queued signals) runs
  // before the checks, as it would before the user's next move.
  QCoreApplication::processEvents();
  QCoreApplication::processEvents();
  const QStringList dialogs = m_modals.takeSeen();
  if (!dialogs.isEmpty()) line += QStringLiteral(" [dismissed: %1]").arg(dialogs.join(QStringLiteral("; ")));
  return line;
}

QStringList Monkey::takeDefects() {
  QStringList out;
  out.swap(m_defects);
  return out;
}

std::vector<std::string> Monkey::componentIds() const {
  std::vector<std::string> ids;
  for (const ComponentSpec& c : m_window.document().scenario().components) ids.push_back(c.id);
  return ids;
}

std::vector<std::string> Monkey::linkIds() const {
  std::vector<std::string> ids;
  for (const LinkSpec& l : m_window.document().scenario().links) ids.push_back(l.id);
  return ids;
}

std::vector<std::string> Monkey::groupIds() const {
  std::vector<std::string> ids;
  for (const GroupSpec& g : m_window.document().scenario().groups) ids.push_back(g.id);
  return ids;
}

std::vector<std::string> Monkey::some(const std::vector<std::string>& from, std::size_t most) {
  if (from.empty()) return {};
  const std::size_t n = 1 + m_random.below(std::min(most, from.size()));
  std::vector<std::size_t> picked(from.size());
  std::iota(picked.begin(), picked.end(), std::size_t{0});
  // A partial Fisher-Yates shuffle with our own dice (std::shuffle differs between libraries).
  for (std::size_t i = 0; i < n; ++i) std::swap(picked[i], picked[i + m_random.below(picked.size() - i)]);
  picked.resize(n);
  std::sort(picked.begin(), picked.end());
  std::vector<std::string> out;
  for (const std::size_t i : picked) out.push_back(from[i]);
  return out;
}

void Monkey::select(const std::vector<std::string>& components, const std::vector<std::string>& links,
                    const std::vector<std::string>& groups) {
  TopologyScene& scene = m_window.scene();
  scene.selectComponents(components);
  const auto in = [](const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  for (QGraphicsItem* item : scene.items()) {
    if (item->type() == LinkItem::Type && in(links, static_cast<LinkItem*>(item)->linkId())) item->setSelected(true);
    if (item->type() == GroupItem::Type && in(groups, static_cast<GroupItem*>(item)->groupId())) item->setSelected(true);
  }
  QCoreApplication::processEvents();  // the inspector and the actions follow the selection
}

QString Monkey::joined(const std::vector<std::string>& ids) {
  QStringList names;
  for (const std::string& id : ids) names << QString::fromStdString(id);
  return names.isEmpty() ? QStringLiteral("nothing") : names.join(QLatin1Char(','));
}

void Monkey::showCanvas() {
  if (m_window.isStartPageShown() || m_window.isReviewShown()) m_window.showDesign();
}

}  // namespace pillars
