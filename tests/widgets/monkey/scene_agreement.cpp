#include "scene_agreement.hpp"

#include <QGraphicsItem>
#include <QStringList>
#include <map>
#include <string>

#include "widgets/canvas/group_item.hpp"
#include "widgets/canvas/link_item.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {

namespace {

/// Compares how often each id occurs on both sides: a missing, extra or doubled item is named.
void compareIds(const char* what, const std::map<std::string, int>& inDocument,
                const std::map<std::string, int>& onCanvas, QStringList& problems) {
  for (const auto& [id, count] : inDocument) {
    const auto drawn = onCanvas.find(id);
    const int shown = drawn == onCanvas.end() ? 0 : drawn->second;
    if (count != 1) {
      problems << QStringLiteral("%1 %2: %3 times in the document").arg(QLatin1String(what), QString::fromStdString(id)).arg(count);
    }
    if (shown != 1) {
      problems << QStringLiteral("%1 %2: in the document, drawn %3 times on the canvas")
                      .arg(QLatin1String(what), QString::fromStdString(id))
                      .arg(shown);
    }
  }
  for (const auto& [id, count] : onCanvas) {
    if (!inDocument.contains(id)) {
      problems << QStringLiteral("%1 %2: on the canvas (%3 times), not in the document")
                      .arg(QLatin1String(what), QString::fromStdString(id))
                      .arg(count);
    }
  }
}

}  // namespace

QString sceneDisagreement(const TopologyDocument& document, const TopologyScene& scene) {
  const Scenario& model = document.scenario();
  std::map<std::string, int> components, links, groups;
  for (const ComponentSpec& c : model.components) ++components[c.id];
  QStringList problems;
  for (const LinkSpec& l : model.links) {
    ++links[l.id];
    // The document promises never to keep a link whose end is gone (remove() takes them along).
    for (const std::string& end : {l.from, l.to}) {
      if (!model.findComponent(end)) {
        problems << QStringLiteral("link %1: names %2, which is not in the document")
                        .arg(QString::fromStdString(l.id), QString::fromStdString(end));
      }
    }
  }
  // A zone or region without members has nothing to frame, so it is drawn only with some.
  for (const GroupSpec& g : model.groups) {
    if (!model.groupMembers(g.id).empty()) ++groups[g.id];
  }

  std::map<std::string, int> cards, arrows, frames;
  for (const QGraphicsItem* item : scene.items()) {
    switch (item->type()) {
      case NodeItem::Type: {
        const auto* node = static_cast<const NodeItem*>(item);
        ++cards[node->componentId()];
        // Cards are placed from the document after every edit and move; a card elsewhere shows
        // a stale picture (a drag that was not recorded, an undo not followed).
        if (components.contains(node->componentId())) {
          const QPointF want = document.position(node->componentId());
          if ((node->pos() - want).manhattanLength() > 0.5) {
            problems << QStringLiteral("component %1: drawn at (%2, %3), the document has (%4, %5)")
                            .arg(QString::fromStdString(node->componentId()))
                            .arg(node->pos().x())
                            .arg(node->pos().y())
                            .arg(want.x())
                            .arg(want.y());
          }
        }
        break;
      }
      case LinkItem::Type: ++arrows[static_cast<const LinkItem*>(item)->linkId()]; break;
      case GroupItem::Type: ++frames[static_cast<const GroupItem*>(item)->groupId()]; break;
      default: break;  // labels, the live overlay's dots and badges: not the model's picture
    }
  }
  compareIds("component", components, cards, problems);
  compareIds("link", links, arrows, problems);
  compareIds("group", groups, frames, problems);
  return problems.join(QLatin1Char('\n'));
}

}  // namespace pillars
