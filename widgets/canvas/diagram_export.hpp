#pragma once

#include <QString>

class QGraphicsScene;

namespace pillars {

class TopologyDocument;

/// Writes the diagram as the canvas shows it: PNG (at twice screen resolution), SVG (vector),
/// or Graphviz DOT; the format follows the file's extension. Files are replaced atomically.
/// Returns an empty string on success, otherwise why it failed.
QString exportDiagram(const TopologyDocument& document, QGraphicsScene& scene, const QString& path);

}  // namespace pillars
