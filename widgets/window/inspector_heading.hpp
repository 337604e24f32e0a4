#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;

namespace pillars {

/// The top of the inspector: an icon, what is shown ("db", "lb → web1", "3 components
/// (service)") and a grey line saying what kind of thing it is.
class InspectorHeading final : public QWidget {
  Q_OBJECT

 public:
  explicit InspectorHeading(QWidget* parent);
  void setContent(const QIcon& icon, const QString& title, const QString& subtitle);
  QString title() const;

  /// Icons for things without a kind glyph: an arrow for links, a dashed frame for groups.
  static QIcon linkIcon();
  static QIcon groupIcon(bool region);

 private:
  QLabel* m_icon;
  QLabel* m_title;
  QLabel* m_subtitle;
};

}  // namespace pillars
