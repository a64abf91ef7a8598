// `mtcsec bench` on the real binary (PRODUCT.md sections 6 and 9): a tiny run prints mtcsec-bench/1 JSON with
// every field, of the right type and consistent with itself (no speed is asserted); bad options exit 2 with
// one line on stderr and nothing on stdout.
#include "tests/RunBinary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using mtcsec::test::Run;
using mtcsec::test::runMtcsec;

namespace {

// a == b up to the rounding of the JSON (3 decimals for rates and ratios, microseconds for times).
bool near(double a, double b, double relative = 0.01, double absolute = 0.002)
{
    return qAbs(a - b) <= absolute + relative * qMax(qAbs(a), qAbs(b));
}

bool isWholeNumber(const QJsonValue& v)
{
    return v.isDouble() && v.toDouble() >= 0 && v.toDouble() == std::floor(v.toDouble());
}

} // namespace

class TestCliBench : public QObject {
    Q_OBJECT

private:
    QJsonObject bench_;

private slots:
    void initTestCase()
    {
        const Run r = runMtcsec({QStringLiteral("bench"), QStringLiteral("--devices"), QStringLiteral("20"),
                                 QStringLiteral("--duration"), QStringLiteral("5")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isObject());
        bench_ = doc.object();
    }

    void header()
    {
        QCOMPARE(bench_[QStringLiteral("schema")].toString(), QStringLiteral("mtcsec-bench/1"));
        QVERIFY(!bench_[QStringLiteral("mtcsec_version")].toString().isEmpty());
        QVERIFY(bench_[QStringLiteral("build_type")].isString());
        const QJsonObject machine = bench_[QStringLiteral("machine")].toObject();
        QVERIFY(isWholeNumber(machine[QStringLiteral("cores")]));
        QVERIFY(machine[QStringLiteral("cores")].toDouble() >= 1);
        QVERIFY(machine[QStringLiteral("cpu_model")].isString());
        QVERIFY(machine[QStringLiteral("crypto_backend")].toString().startsWith(QStringLiteral("Botan ")));
        const QJsonObject options = bench_[QStringLiteral("options")].toObject();
        QCOMPARE(options[QStringLiteral("devices")].toDouble(), 20.0);
        QCOMPARE(options[QStringLiteral("duration_s")].toDouble(), 5.0);
        QCOMPARE(options[QStringLiteral("devices_per_cell")].toDouble(), 50000.0); // the scenario default
        QVERIFY(isWholeNumber(options[QStringLiteral("seed")]));
        QVERIFY(bench_[QStringLiteral("total_wall_s")].toDouble() > 0);
        QVERIFY(bench_[QStringLiteral("process_peak_rss_bytes")].toDouble() > 0);
    }

    void workloads_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("name");
        QTest::newRow("attach") << 0 << QStringLiteral("attach");
        QTest::newRow("steady") << 1 << QStringLiteral("steady");
        QTest::newRow("defence-in-depth") << 2 << QStringLiteral("defence-in-depth");
    }
    void workloads()
    {
        QFETCH(int, index);
        QFETCH(QString, name);
        const QJsonArray all = bench_[QStringLiteral("workloads")].toArray();
        QCOMPARE(all.size(), 3);
        const QJsonObject w = all[index].toObject();
        QCOMPARE(w[QStringLiteral("name")].toString(), name);
        QVERIFY(!w[QStringLiteral("description")].toString().isEmpty());
        QCOMPARE(w[QStringLiteral("devices")].toDouble(), 20.0);
        QCOMPARE(w[QStringLiteral("duration_s")].toDouble(), 5.0);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$"))
                    .match(w[QStringLiteral("digest")].toString())
                    .hasMatch());
        for (const char* field :
             {"events", "attaches", "app_messages", "protected_messages", "rss_before_bytes",
              "peak_rss_bytes", "bytes_per_device", "engine_state_bytes_per_device"})
            QVERIFY2(isWholeNumber(w[QLatin1String(field)]), field);
        const double wall = w[QStringLiteral("wall_s")].toDouble();
        const double cpu = w[QStringLiteral("cpu_s")].toDouble();
        const double crypto = w[QStringLiteral("crypto_s")].toDouble();
        QVERIFY(wall > 0);
        QVERIFY(cpu > 0);
        QVERIFY(crypto > 0);
        const double events = w[QStringLiteral("events")].toDouble();
        QVERIFY(events > 0);
        QVERIFY(near(w[QStringLiteral("events_per_s")].toDouble(), events / wall));
        QVERIFY(near(w[QStringLiteral("events_per_cpu_s")].toDouble(), events / cpu));
        const double attaches = w[QStringLiteral("attaches")].toDouble();
        QVERIFY(attaches > 0 && attaches <= 20);
        QVERIFY(near(w[QStringLiteral("attaches_per_s")].toDouble(), attaches / wall));
        const double protectedMessages = w[QStringLiteral("protected_messages")].toDouble();
        QVERIFY(protectedMessages > 0);
        QVERIFY(near(w[QStringLiteral("protected_messages_per_s")].toDouble(), protectedMessages / wall));
        QCOMPARE(w[QStringLiteral("app_messages")].toDouble() > 0, name != QStringLiteral("attach"));
        QVERIFY(w[QStringLiteral("peak_rss_bytes")].toDouble() > 0);
        QVERIFY(near(w[QStringLiteral("engine_crypto_ratio")].toDouble(), cpu / crypto));

        const QJsonObject c = w[QStringLiteral("crypto")].toObject();
        QVERIFY(c[QStringLiteral("digest_s")].toDouble() >= 0);
        QVERIFY(c[QStringLiteral("key_setups")].toDouble() > 0);
        QCOMPARE(c[QStringLiteral("unrecorded_calls")].toDouble(), 0.0);
        const QJsonObject algorithms = c[QStringLiteral("algorithms")].toObject();
        for (const char* a : {"128-EEA2", "128-EIA2", "MILENAGE", "KDF"})
            QVERIFY2(algorithms[QLatin1String(a)].toDouble() > 0, a); // every workload attaches with 3GPP on
        double seconds = 0;
        QStringList names;
        for (const QJsonValue& v : c[QStringLiteral("primitives")].toArray()) {
            const QJsonObject p = v.toObject();
            names << p[QStringLiteral("name")].toString();
            QVERIFY(p[QStringLiteral("calls")].toDouble() > 0);
            QVERIFY(isWholeNumber(p[QStringLiteral("octets")]));
            QVERIFY(p[QStringLiteral("seconds")].toDouble() >= 0);
            if (names.last() != QStringLiteral("sha256_stream"))
                seconds += p[QStringLiteral("seconds")].toDouble();
        }
        for (const char* p : {"aes128_block", "aes128_ctr", "hmac_sha256", "aes128_gcm_seal",
                              "aes128_gcm_open", "sha256_stream"})
            QVERIFY2(names.contains(QLatin1String(p)), p);
        QVERIFY(near(seconds, crypto, 0.001, 1e-5));
    }

    // The bench measures the same simulation as `mtcsec run`: the digest of its defence-in-depth workload is
    // the preset's at that size.
    void sameDigestAsRun()
    {
        const Run r = runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"),
                                 QStringLiteral("defence-in-depth"), QStringLiteral("--devices"),
                                 QStringLiteral("20"), QStringLiteral("--duration"), QStringLiteral("5")});
        QCOMPARE(r.exitCode, 0);
        const QString digest =
            bench_[QStringLiteral("workloads")].toArray()[2].toObject()[QStringLiteral("digest")].toString();
        QVERIFY(r.out.contains(QStringLiteral("Digest: ") + digest));
    }

    void eachAlgorithmAlone()
    {
        const QJsonObject a = bench_[QStringLiteral("algorithms")].toObject();
        const double iterations = a[QStringLiteral("iterations")].toDouble();
        QVERIFY(iterations > 0);
        QStringList rows;
        for (const QJsonValue& v : a[QStringLiteral("results")].toArray()) {
            const QJsonObject r = v.toObject();
            rows << QStringLiteral("%1/%2").arg(r[QStringLiteral("algorithm")].toString(),
                                                QString::number(r[QStringLiteral("octets")].toInt()));
            QCOMPARE(r[QStringLiteral("ops")].toDouble(), iterations);
            const double cpu = r[QStringLiteral("cpu_s")].toDouble();
            const double crypto = r[QStringLiteral("crypto_s")].toDouble();
            QVERIFY(cpu > 0);
            QVERIFY(crypto > 0);
            QVERIFY(near(r[QStringLiteral("ops_per_s")].toDouble(), iterations / cpu));
            QVERIFY(near(r[QStringLiteral("megabytes_per_s")].toDouble(),
                         iterations * r[QStringLiteral("octets")].toDouble() / 1e6 / cpu));
            QVERIFY(near(r[QStringLiteral("engine_crypto_ratio")].toDouble(), cpu / crypto));
            // One key for every call: keyed once where the facade keeps keyed objects, else once per call.
            const double keySetups = r[QStringLiteral("key_setups")].toDouble();
            QVERIFY(isWholeNumber(r[QStringLiteral("key_setups")]));
            QVERIFY(keySetups <= iterations);
        }
        QCOMPARE(rows,
                 (QStringList{QStringLiteral("128-EEA2/64"), QStringLiteral("128-EEA2/1500"),
                              QStringLiteral("128-EIA2/64"), QStringLiteral("128-EIA2/1500"),
                              QStringLiteral("AES-128-GCM seal/64"), QStringLiteral("AES-128-GCM seal/1500"),
                              QStringLiteral("HMAC-SHA-256/64"), QStringLiteral("HMAC-SHA-256/1500"),
                              QStringLiteral("MILENAGE f1-f5/16"), QStringLiteral("128-EEA1/64"),
                              QStringLiteral("128-EEA1/1500"), QStringLiteral("128-EIA1/64"),
                              QStringLiteral("128-EIA1/1500"), QStringLiteral("128-EEA3/64"),
                              QStringLiteral("128-EEA3/1500"), QStringLiteral("128-EIA3/64"),
                              QStringLiteral("128-EIA3/1500")}));
    }

    // --devices-per-cell splits every engine workload into cells, as the scenario field does in a run: the
    // defence-in-depth workload's digest is `mtcsec run`'s with the same option.
    void devicesPerCell()
    {
        const QStringList size{QStringLiteral("--devices"),          QStringLiteral("20"),
                               QStringLiteral("--duration"),         QStringLiteral("5"),
                               QStringLiteral("--devices-per-cell"), QStringLiteral("8")};
        const Run r = runMtcsec(
            QStringList{QStringLiteral("bench"), QStringLiteral("--threads"), QStringLiteral("2")} + size);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject bench = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(bench[QStringLiteral("options")].toObject()[QStringLiteral("devices_per_cell")].toDouble(),
                 8.0);
        const QJsonArray all = bench[QStringLiteral("workloads")].toArray();
        QCOMPARE(all.size(), 3);
        for (const QJsonValue& v : all) {
            QCOMPARE(v.toObject()[QStringLiteral("cells")].toDouble(), 3.0); // 7 + 7 + 6 devices
            QCOMPARE(v.toObject()[QStringLiteral("threads")].toDouble(), 2.0);
            QCOMPARE(v.toObject()[QStringLiteral("devices")].toDouble(), 20.0);
        }
        const Run run = runMtcsec(QStringList{QStringLiteral("run"), QStringLiteral("--preset"),
                                              QStringLiteral("defence-in-depth")} +
                                  size);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("Cells: 3 of at most 8 devices")), qPrintable(run.out));
        const QString digest = all[2].toObject()[QStringLiteral("digest")].toString();
        QVERIFY2(run.out.contains(QStringLiteral("Digest: ") + digest), qPrintable(run.out));
        QVERIFY(digest != bench_[QStringLiteral("workloads")]
                              .toArray()[2]
                              .toObject()[QStringLiteral("digest")]
                              .toString()); // three cells are not one engine
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("devices 0") << QStringList{QStringLiteral("--devices"), QStringLiteral("0")}
                                   << QStringLiteral("--devices: must be a whole number from 1 to 1000000");
        QTest::newRow("devices too many")
            << QStringList{QStringLiteral("--devices"), QStringLiteral("1000001")}
            << QStringLiteral("--devices: must be a whole number");
        QTest::newRow("devices words") << QStringList{QStringLiteral("--devices"), QStringLiteral("many")}
                                       << QStringLiteral("got 'many'");
        QTest::newRow("duration 0") << QStringList{QStringLiteral("--duration"), QStringLiteral("0")}
                                    << QStringLiteral("--duration: must be a number of seconds above 0");
        QTest::newRow("duration too long")
            << QStringList{QStringLiteral("--duration"), QStringLiteral("86401")}
            << QStringLiteral("at most 86400");
        QTest::newRow("twice") << QStringList{QStringLiteral("--devices"), QStringLiteral("5"),
                                              QStringLiteral("--devices"), QStringLiteral("6")}
                               << QStringLiteral("--devices given more than once");
        QTest::newRow("devices per cell 0")
            << QStringList{QStringLiteral("--devices-per-cell"), QStringLiteral("0")}
            << QStringLiteral("--devices-per-cell: must be a whole number from 1 to 1000000, got '0'");
        QTest::newRow("devices per cell too many")
            << QStringList{QStringLiteral("--devices-per-cell"), QStringLiteral("1000001")}
            << QStringLiteral("--devices-per-cell: must be a whole number from 1 to 1000000, got '1000001'");
        QTest::newRow("devices per cell twice")
            << QStringList{QStringLiteral("--devices-per-cell"), QStringLiteral("5"),
                           QStringLiteral("--devices-per-cell"), QStringLiteral("6")}
            << QStringLiteral("--devices-per-cell given more than once");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--cores"), QStringLiteral("2")}
            << QStringLiteral("unknown option --cores (mtcsec bench --help lists the options)");
        QTest::newRow("argument") << QStringList{QStringLiteral("extra")}
                                  << QStringLiteral("unexpected argument 'extra'");
        QTest::newRow("value missing") << QStringList{QStringLiteral("--devices")}
                                       << QStringLiteral("mtcsec bench: --devices: a value is missing");
    }
    void badOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runMtcsec(QStringList{QStringLiteral("bench")} + args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        QVERIFY2(r.err.startsWith(QStringLiteral("mtcsec bench: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY(r.err.endsWith(QLatin1Char('\n')));
    }

    void help()
    {
        const Run r = runMtcsec({QStringLiteral("bench"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("Usage: mtcsec bench")));
        QVERIFY(r.out.contains(QStringLiteral("--devices <N>")));
        QVERIFY(r.out.contains(QStringLiteral("--duration <SECONDS>")));
        QVERIFY(r.out.contains(QStringLiteral("--devices-per-cell <N>")));
        // bench reads no scenario: its help never says it overrides one.
        QVERIFY2(!r.out.contains(QStringLiteral("scenario")), qPrintable(r.out));
        const Run top = runMtcsec({QStringLiteral("--help")});
        QVERIFY(top.out.contains(QStringLiteral("  bench ")));
    }
};

QTEST_GUILESS_MAIN(TestCliBench)
#include "tst_cli_bench.moc"
