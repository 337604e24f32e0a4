#include "widgets/live/request_waterfall.hpp"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "widgets/live/chart_style.hpp"
#include "widgets/live/message_colors.hpp"

namespace pillars {

namespace {

constexpr int kIndent = 14;   // px per nesting level
constexpr int kAxisHeight = 22;
constexpr int kMargin = 8;

QColor outcomeColour(TraceSpan::Outcome outcome, const QPalette& palette) {
  switch (outcome) {
    case TraceSpan::Outcome::Ok: return palette.color(QPalette::WindowText);
    case TraceSpan::Outcome::Failed:
    case TraceSpan::Outcome::Lost: return QColor(0xd6, 0x27, 0x28);
    case TraceSpan::Outcome::Late: return QColor(0xe0, 0x8a, 0x00);
    case TraceSpan::Outcome::NoAnswer: return palette.color(QPalette::PlaceholderText);
  }
  return palette.color(QPalette::WindowText);
}

/// A client's attempts head the trace in bold.
bool isHeading(const TraceSpan& s) { return s.kind == TraceSpan::Kind::Call && s.depth == 0; }

QString millis(SimTime t) { return QString::number(simTimeToSeconds(t) * 1000.0, 'f', 3) + QStringLiteral(" ms"); }

/// A round step for about `target` ticks over `span` (1, 2 or 5 times a power of ten).
double tickStep(double span, int target) {
  const double raw = span / std::max(target, 1);
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0}) {
    if (raw <= m * power) return m * power;
  }
  return 10 * power;
}

}  // namespace

RequestWaterfall::RequestWaterfall(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void RequestWaterfall::setTrace(RequestTrace trace, std::vector<std::string> names) {
  m_trace = std::move(trace);
  m_names = std::move(names);
  updateGeometry();
  update();
}

int RequestWaterfall::rowHeight() const { return fontMetrics().height() + 6; }

QString RequestWaterfall::labelOf(const TraceSpan& span) const {
  return QString::fromStdString(spanLabel(span, m_names));
}

int RequestWaterfall::labelWidth() const {
  int widest = 0;
  QFont bold = font();
  bold.setBold(true);
  const QFontMetrics boldMetrics(bold);
  for (const TraceSpan& s : m_trace.spans) {
    const QFontMetrics& metrics = isHeading(s) ? boldMetrics : fontMetrics();
    widest = std::max(widest, s.depth * kIndent + metrics.horizontalAdvance(labelOf(s)));
  }
  return widest + 2 * kMargin;
}

QSize RequestWaterfall::sizeHint() const {
  return {labelWidth() + 420, kAxisHeight + rowHeight() * static_cast<int>(m_trace.spans.size()) + kMargin};
}

QSize RequestWaterfall::minimumSizeHint() const {
  return {labelWidth() + 160, kAxisHeight + rowHeight() * static_cast<int>(m_trace.spans.size()) + kMargin};
}

int RequestWaterfall::rowAt(int y) const {
  if (y < kAxisHeight) return -1;
  const int row = (y - kAxisHeight) / rowHeight();
  return row < static_cast<int>(m_trace.spans.size()) ? row : -1;
}

QString RequestWaterfall::tooltipOf(const TraceSpan& span) const {
  return tr("%1\nstarts %2 after the request was issued, takes %3\n%4")
      .arg(labelOf(span), millis(span.start - m_trace.issued), millis(span.end - span.start),
           QString::fromStdString(spanOutcomeText(span)));
}

bool RequestWaterfall::event(QEvent* e) {
  if (e->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(e);
    const int row = rowAt(help->pos().y());
    if (row >= 0) {
      QToolTip::showText(help->globalPos(), tooltipOf(m_trace.spans[static_cast<std::size_t>(row)]), this);
    } else {
      QToolTip::hideText();
    }
    return true;
  }
  return QWidget::event(e);
}

void RequestWaterfall::paintEvent(QPaintEvent* /*event*/) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing, false);
  const QPalette& pal = palette();
  p.fillRect(rect(), pal.color(QPalette::Base));
  if (m_trace.spans.empty()) return;

  const int left = labelWidth();
  const int right = width() - kMargin;
  const double total = std::max<double>(static_cast<double>(m_trace.ended - m_trace.issued), 1.0);
  const double scale = std::max(right - left, 10) / total;
  const auto xOf = [&](SimTime t) { return left + static_cast<int>(std::lround(static_cast<double>(t - m_trace.issued) * scale)); };

  // The time axis: round ticks in milliseconds, with faint guide lines down every row.
  const double totalMs = total / 1e6;
  const double step = tickStep(totalMs, std::max((right - left) / 90, 2));
  QColor grid = pal.color(QPalette::Mid);
  grid.setAlpha(70);
  for (double t = 0; t <= totalMs + 1e-9; t += step) {
    const int x = xOf(m_trace.issued + static_cast<SimTime>(t * 1e6));
    p.setPen(grid);
    p.drawLine(x, kAxisHeight - 4, x, height());
    p.setPen(pal.color(QPalette::PlaceholderText));
    const QString text = QString::number(t, 'g', 6) + (t == 0 ? QStringLiteral(" ms") : QString());
    // The last label may not fit centred on its tick: keep it inside the widget.
    QRect box(x - 40, 2, 80, kAxisHeight - 6);
    if (box.right() > width() - 2) box.moveRight(width() - 2);
    p.drawText(box, (box.center().x() == x ? Qt::AlignHCenter : Qt::AlignRight) | Qt::AlignBottom, text);
  }

  const int h = rowHeight();
  const bool dark = isDarkPalette(pal);
  for (std::size_t i = 0; i < m_trace.spans.size(); ++i) {
    const TraceSpan& s = m_trace.spans[i];
    const int top = kAxisHeight + static_cast<int>(i) * h;
    if (i % 2 == 1) p.fillRect(QRect(0, top, width(), h), pal.color(QPalette::AlternateBase));
    p.setPen(s.kind == TraceSpan::Kind::Call ? pal.color(QPalette::WindowText) : pal.color(QPalette::PlaceholderText));
    QFont font = p.font();
    font.setBold(isHeading(s));
    p.setFont(font);
    p.drawText(QRect(kMargin + s.depth * kIndent, top, left - kMargin, h), Qt::AlignVCenter | Qt::AlignLeft, labelOf(s));

    const int x0 = xOf(s.start);
    const int x1 = std::max(xOf(s.end), x0 + 2);  // an instant still shows
    const QColor outcome = outcomeColour(s.outcome, pal);
    QRect bar(x0, top + 3, x1 - x0, h - 6);
    switch (s.kind) {
      case TraceSpan::Kind::Call: {
        QColor fill = outcome;
        fill.setAlpha(dark ? 60 : 35);
        p.fillRect(bar, fill);
        QPen pen(outcome, 1.5, s.outcome == TraceSpan::Outcome::NoAnswer ? Qt::DashLine : Qt::SolidLine);
        p.setPen(pen);
        p.drawRect(bar.adjusted(0, 0, -1, -1));
        break;
      }
      case TraceSpan::Kind::Network: {
        bar = bar.adjusted(0, h / 4, 0, -h / 4);
        p.fillRect(bar, messageColour(categoryOf(s.message)));
        if (s.outcome == TraceSpan::Outcome::Lost) {
          p.setPen(QPen(droppedMessageColour(), 2));
          p.drawLine(x1, top + 3, x1, top + h - 3);
        }
        break;
      }
      case TraceSpan::Kind::Queue: {
        QColor hatch = pal.color(QPalette::WindowText);
        hatch.setAlpha(110);
        p.fillRect(bar, QBrush(hatch, Qt::BDiagPattern));
        p.setPen(QPen(hatch, 1));
        p.drawRect(bar.adjusted(0, 0, -1, -1));
        break;
      }
      case TraceSpan::Kind::Work: p.fillRect(bar, pal.color(QPalette::Highlight)); break;
    }
  }
}

}  // namespace pillars
