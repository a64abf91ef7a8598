// The session report's pictures (internal to the report): a light palette whatever the application's theme,
// scene rendering, PNG encoding and the names under which the PDF registers its pictures.
#pragma once

#include <QImage>
#include <QPalette>
#include <QRect>
#include <QString>

class QGraphicsScene;

namespace mtcsec::ui::sessionreport {

// A light palette for pictures and print, whatever the application's theme.
[[nodiscard]] QPalette lightPalette();

// The canvas items paint with the application palette: while a picture is taken in a dark theme, the
// application runs in the light palette, and gets its own back afterwards.
class LightApplicationPalette {
public:
    LightApplicationPalette();
    ~LightApplicationPalette();
    LightApplicationPalette(const LightApplicationPalette&) = delete;
    LightApplicationPalette& operator=(const LightApplicationPalette&) = delete;

private:
    QPalette saved_;
    bool swapped_ = false;
};

// Renders a part of the scene `width` pixels wide on white.
[[nodiscard]] QImage renderScene(QGraphicsScene& scene, const QRectF& source, int width);
// The smallest rectangle holding every pixel that is not white (empty for a white image).
[[nodiscard]] QRect inkBounds(const QImage& image);
// The picture as PNG, in base64 (for a data: URI).
[[nodiscard]] QString pngBase64(const QImage& image);
// The resource name of a picture in the PDF's document (-1: the sequence chart, 0: the topology, 1...: the
// charts).
[[nodiscard]] QString imageName(int index);

} // namespace mtcsec::ui::sessionreport
