#pragma once

#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <map>
#include <string>

#include "engine/model/scenario.hpp"

namespace pillars {

/// The open topology: the scenario model and where each component is drawn. It owns the data;
/// views only show it and are told through reset() when it is replaced.
class TopologyDocument : public QObject {
  Q_OBJECT

 public:
  explicit TopologyDocument(QObject* parent = nullptr);

  /// Reads a scenario file. On failure the document is unchanged and `errors` lists every
  /// problem as "file:line:col: $.path: message".
  bool load(const QString& path, QStringList* errors);

  const Scenario& scenario() const { return m_scenario; }
  QString filePath() const { return m_path; }
  /// The file name without folders, or "Untitled".
  QString displayName() const;
  bool isModified() const { return m_modified; }

  /// Where a component is drawn: from the file, or from an automatic layered layout for
  /// components the file gives no position.
  QPointF position(const std::string& componentId) const;

 signals:
  /// The whole model was replaced (a file was opened).
  void reset();

 private:
  void placeUnpositioned();

  Scenario m_scenario;
  QString m_path;
  bool m_modified = false;
  std::map<std::string, QPointF> m_positions;
};

}  // namespace pillars
