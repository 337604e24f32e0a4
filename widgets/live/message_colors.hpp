#pragma once

#include <QColor>
#include <QString>
#include <vector>

#include "engine/sim/message.hpp"

class QWidget;

namespace pillars {

/// One line of the live animation's legend.
struct MessageCategoryStyle {
  MessageCategory category;
  QColor colour;
  QString label;
};

/// The colour of a message dot. Mid-tone, saturated hues chosen to stay distinct on both a
/// light and a dark canvas (and apart for the common colour-vision deficiencies where possible).
QColor messageColour(MessageCategory category);
/// The ring drawn where a message was dropped.
QColor droppedMessageColour();
/// Every category in legend order, with its colour and a short label.
const std::vector<MessageCategoryStyle>& messageLegend();
/// A row of coloured dots with labels, for a status bar or a dock.
QWidget* createMessageLegend(QWidget* parent);

}  // namespace pillars
