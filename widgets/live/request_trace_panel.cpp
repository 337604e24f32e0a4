#include "widgets/live/request_trace_panel.hpp"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/live/request_waterfall.hpp"

namespace pillars {

RequestTracePanel::RequestTracePanel(QWidget* parent)
    : QWidget(parent),
      m_headline(new QLabel(this)),
      m_scroll(new QScrollArea(this)),
      m_waterfall(new RequestWaterfall),
      m_copy(new QToolButton(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* top = new QHBoxLayout;
  m_headline->setWordWrap(true);
  m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
  top->addWidget(m_headline, 1);
  m_copy->setText(tr("Copy as Text"));
  m_copy->setToolTip(tr("Copy the trace as the text pillars-cli simulate --trace-request prints"));
  m_copy->setEnabled(false);
  top->addWidget(m_copy, 0, Qt::AlignTop);
  layout->addLayout(top);
  m_scroll->setWidget(m_waterfall);
  m_scroll->setWidgetResizable(true);
  m_scroll->setFrameShape(QFrame::NoFrame);
  layout->addWidget(m_scroll, 1);
  connect(m_copy, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(traceText()); });
  showMessage(tr("Click a request (users#42) in the Event Log's Request column to see its path: "
                 "each call, network leg, wait in a queue and piece of work, retries included."));
}

void RequestTracePanel::showTrace(RequestTrace trace, std::vector<std::string> names) {
  m_names = names;
  QString text = QString::fromStdString(requestTraceHeadline(trace, names)).toHtmlEscaped();
  if (!trace.complete) {
    text += tr("<br><i>Partial: its first events were dropped from the trace buffer (or the run was "
               "going as fast as possible, which traces nothing).</i>");
  }
  m_headline->setText(text);
  m_waterfall->setTrace(std::move(trace), std::move(names));
  m_waterfall->setVisible(true);
  m_copy->setEnabled(true);
}

void RequestTracePanel::showMessage(const QString& text) {
  m_headline->setText(text);
  m_waterfall->setTrace(RequestTrace{}, {});
  m_waterfall->setVisible(false);
  m_copy->setEnabled(false);
}

const RequestTrace& RequestTracePanel::trace() const { return m_waterfall->trace(); }

QString RequestTracePanel::headline() const { return m_headline->text(); }

QString RequestTracePanel::traceText() const {
  if (trace().empty()) return {};
  return QString::fromStdString(formatRequestTrace(trace(), m_names));
}

}  // namespace pillars
