#pragma once

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/model/param.hpp"

class QGraphicsItem;
class QMenu;
class QPainter;

namespace pillars {

class CardAdornment;
class KindActionHost;
struct ComponentSpec;

/// Where a glyph is drawn: a box, the pen already set in the kind's ink, and helpers that place
/// points by fractions of the box so each glyph is written once for every size.
struct GlyphFrame {
  QRectF box;
  QColor ink;   // the pen's colour, for filled marks (the Raft leader's dot)
  QColor fill;  // the card's fill, to hide lines behind a mark
  QPointF at(qreal fx, qreal fy) const {
    return box.topLeft() + QPointF(fx * box.width(), fy * box.height());
  }
  qreal width() const { return box.width(); }
};

/// A figure in words as the inspector shows it: its label and its value.
using FigureWords = std::pair<QString, QString>;

/// What the app shows of one component kind, registered by the kind's pillar from
/// widgets/pillars/<pillar>/. Generic views (the canvas, the live overlay, the inspector, the
/// Simulate menu) look kinds up here instead of naming them; every member may be empty.
struct KindUi {
  std::string kind;  // ComponentKind::name, as in scenario files
  /// Draws the glyph (palette, card, menus); without one a kind shows a plain circle.
  void (*drawGlyph)(QPainter& painter, const GlyphFrame& frame) = nullptr;
  /// The parameters that matter at a glance: "8 workers · lognormal(4ms, 0.6)".
  QString (*summary)(const ComponentSpec& component) = nullptr;
  /// The kind's own drawing on its card during a run (owned by `parent`).
  CardAdornment* (*makeAdornment)(QGraphicsItem* parent) = nullptr;
  /// Words for one of its live figures ("role" 2 -> "Role", "Leader"); nothing leaves the
  /// figure to the generic words (units from the name's suffix).
  std::optional<FigureWords> (*figureWords)(const std::string& figure, double value) = nullptr;
  /// Its entries in the component's context menu while simulating, in place of the generic
  /// entries for its fault actions.
  void (*addMenuEntries)(QMenu& menu, const std::string& componentId,
                         KindActionHost& host) = nullptr;
  /// Values a card dropped from the palette starts with instead of the engine's defaults, so a
  /// design dropped together runs (applyStartingParameters); scenario files keep the defaults.
  std::vector<std::pair<std::string_view, ParamValue>> startingValues{};
};

/// The kinds' UIs, looked up by kind name. Not a singleton: builtinKindUis() is an immutable
/// table of what Pillars ships, filled pillar by pillar.
class KindUiRegistry {
 public:
  void add(KindUi ui);
  /// Null for a kind with no UI of its own (and for an unknown kind).
  const KindUi* find(std::string_view kind) const;
  const std::vector<KindUi>& all() const { return m_uis; }

 private:
  std::vector<KindUi> m_uis;
};

/// Every pillar's kind UIs (widgets/pillars/<pillar>/<pillar>_ui.cpp).
const KindUiRegistry& builtinKindUis();

/// The built-in UI of `kind`, or null.
const KindUi* kindUi(std::string_view kind);

// For the pillars' summaries.
/// A parameter's value as written in the file ("lognormal(4ms, 0.6)"), "" when it has none.
QString paramText(const ComponentSpec& component, std::string_view name);
/// The same with underscores read as spaces: "round_robin" -> "round robin".
QString paramWords(const ComponentSpec& component, std::string_view name);
/// A "role" figure in words: `roles` names the kind's role numbers in order, each marked with
/// QT_TRANSLATE_NOOP in the "pillars::LiveFigures" context; nothing for another figure or an
/// unknown number (the generic words show it then).
std::optional<FigureWords> roleWords(const std::string& figure, double value,
                                     std::span<const char* const> roles);
/// What separates the parts of a summary.
inline const QString kSummaryDot = QStringLiteral(" \u00b7 ");

}  // namespace pillars
