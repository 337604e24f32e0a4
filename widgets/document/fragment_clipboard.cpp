#include "widgets/document/fragment_clipboard.hpp"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/model/component_kind.hpp"
#include "widgets/canvas/mime_types.hpp"

namespace pillars::fragment_clipboard {

void put(const Scenario& fragment) {
  const QByteArray json = QByteArray::fromStdString(writeScenarioJson(fragment));
  auto* data = new QMimeData;
  data->setData(QLatin1String(kFragmentMimeType), json);
  data->setText(QString::fromUtf8(json));
  QGuiApplication::clipboard()->setMimeData(data);
}

bool mayHoldFragment() {
  const QMimeData* data = QGuiApplication::clipboard()->mimeData();
  if (!data) return false;
  return data->hasFormat(QLatin1String(kFragmentMimeType)) ||
         (data->hasText() && data->text().trimmed().startsWith(QLatin1Char('{')));
}

std::optional<Scenario> take(QString* why) {
  const QMimeData* data = QGuiApplication::clipboard()->mimeData();
  QByteArray json;
  if (data && data->hasFormat(QLatin1String(kFragmentMimeType))) {
    json = data->data(QLatin1String(kFragmentMimeType));
  } else if (data && data->hasText()) {
    json = data->text().toUtf8();
  }
  if (json.trimmed().isEmpty()) {
    if (why) *why = QObject::tr("The clipboard holds no components.");
    return std::nullopt;
  }
  ScenarioLoad load = readScenario(json.toStdString(), "clipboard", builtinRegistry());
  if (!load.ok()) {
    if (why) {
      *why = QObject::tr("The clipboard text is not a Pillars scenario: %1")
                 .arg(QString::fromStdString(load.errors.front().format()));
    }
    return std::nullopt;
  }
  return std::move(load.scenario);
}

}  // namespace pillars::fragment_clipboard
