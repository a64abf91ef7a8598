<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>Evidence</name>
    <message>
        <source>%1 %2 in %3</source>
        <translation>%1 %2 in %3</translation>
    </message>
    <message>
        <source>%1 %2 on %3</source>
        <translation>%1 %2 auf %3</translation>
    </message>
    <message>
        <source>; first at %1 s, device %2: %3</source>
        <translation>; zuerst bei %1 s, Gerät %2: %3</translation>
    </message>
    <message>
        <source> (%1 by %2</source>
        <translation> (%1 durch %2</translation>
    </message>
    <message>
        <source>, %1 by %2</source>
        <translation>, %1 durch %2</translation>
    </message>
    <message>
        <source>)</source>
        <translation>)</translation>
    </message>
    <message>
        <source>: %1 signalling PDUs attacked, %2 accepted by the receiver, %3 blocked</source>
        <translation>: %1 Signalisierungs-PDUs angegriffen, %2 vom Empfänger angenommen, %3 abgewehrt</translation>
    </message>
    <message>
        <source>; %1 of the accepted were the initial Attach Request, which LTE sends before any security context exists (the UE security capabilities in it are checked later, through the Security Mode Command)</source>
        <translation>; %1 der angenommenen waren der erste Attach Request, den LTE sendet, bevor ein Sicherheitskontext besteht (die darin enthaltenen UE-Sicherheitsfähigkeiten werden später über den Security Mode Command geprüft)</translation>
    </message>
    <message>
        <source>: %1 application messages forged, %2 accepted by device or server, %3 blocked</source>
        <translation>: %1 Anwendungsnachrichten gefälscht, %2 von Gerät oder Server angenommen, %3 abgewehrt</translation>
    </message>
    <message>
        <source>: %1 application messages replayed, %2 accepted by device or server, %3 blocked</source>
        <translation>: %1 Anwendungsnachrichten wiedereingespielt, %2 von Gerät oder Server angenommen, %3 abgewehrt</translation>
    </message>
    <message>
        <source>: %1 application messages altered, %2 accepted by device or server, %3 blocked</source>
        <translation>: %1 Anwendungsnachrichten verändert, %2 von Gerät oder Server angenommen, %3 abgewehrt</translation>
    </message>
    <message>
        <source>, %1 without effect</source>
        <translation>, %1 ohne Wirkung</translation>
    </message>
    <message>
        <source>: %1 signalling PDUs seen; read %2 IMSIs, %3 NAS message bodies, %4 keys</source>
        <translation>: %1 Signalisierungs-PDUs gesehen; gelesen: %2 IMSIs, %3 NAS-Nachrichteninhalte, %4 Schlüssel</translation>
    </message>
    <message>
        <source>; %1 IMSIs came from initial Attach Requests, sent in clear before any security context exists: LTE cannot protect them (5G&apos;s concealed identifier, SUCI, does)</source>
        <translation>; %1 IMSIs stammen aus ersten Attach Requests, die im Klartext gesendet werden, bevor ein Sicherheitskontext besteht: LTE kann sie nicht schützen (die verschleierte Kennung SUCI von 5G schon)</translation>
    </message>
    <message>
        <source>: the MME is the endpoint of NAS, so what it reads there is not a breach of R2 (%1 NAS bodies in clear inside the node)</source>
        <translation>: die MME ist Endpunkt von NAS, was sie dort liest, verletzt R2 also nicht (%1 NAS-Inhalte im Klartext innerhalb des Knotens)</translation>
    </message>
    <message>
        <source>: %1 user-plane PDUs seen; read %2 readings and %3 commands, %4 were ciphertext</source>
        <translation>: %1 Nutzerebenen-PDUs gesehen; gelesen: %2 Messwerte und %3 Befehle, %4 waren Chiffretext</translation>
    </message>
    <message>
        <source>: %1 of %2 readings</source>
        <translation>: %1 von %2 Messwerten</translation>
    </message>
    <message>
        <source>: %1 of %2 commands</source>
        <translation>: %1 von %2 Befehlen</translation>
    </message>
    <message>
        <source>: %1 of %2 readings and %3 of %4 commands</source>
        <translation>: %1 von %2 Messwerten und %3 von %4 Befehlen</translation>
    </message>
    <message>
        <source> lost: genuine messages discarded after </source>
        <translation> verloren: echte Nachrichten verworfen, weil </translation>
    </message>
    <message>
        <source>its replayed PDUs advanced the receiver&apos;s PDCP COUNT (LTE has no user-plane integrity on Uu)</source>
        <translation>seine wiedereingespielten PDUs den PDCP COUNT des Empfängers weitergezählt haben (LTE hat auf Uu keinen Integritätsschutz der Nutzerebene)</translation>
    </message>
    <message>
        <source>its forged PDUs advanced the receiver&apos;s PDCP COUNT (LTE has no user-plane integrity on Uu)</source>
        <translation>seine gefälschten PDUs den PDCP COUNT des Empfängers weitergezählt haben (LTE hat auf Uu keinen Integritätsschutz der Nutzerebene)</translation>
    </message>
    <message>
        <source>, and </source>
        <translation>, und </translation>
    </message>
    <message>
        <source>the forged Detach Request devices accepted</source>
        <translation>Geräte den gefälschten Detach Request angenommen haben</translation>
    </message>
    <message>
        <source>no attack in this run touched what this requirement covers</source>
        <translation>kein Angriff in diesem Lauf berührte, was diese Anforderung abdeckt</translation>
    </message>
    <message>
        <source>: %1 signalling PDU attacked, %2 accepted by the receiver, %3 blocked</source>
        <translation>: %1 Signalisierungs-PDU angegriffen, %2 vom Empfänger angenommen, %3 abgewehrt</translation>
    </message>
    <message>
        <source>: %1 application message forged, %2 accepted by device or server, %3 blocked</source>
        <translation>: %1 Anwendungsnachricht gefälscht, %2 von Gerät oder Server angenommen, %3 abgewehrt</translation>
    </message>
    <message>
        <source>: %1 application message replayed, %2 accepted by device or server, %3 blocked</source>
        <translation>: %1 Anwendungsnachricht wiedereingespielt, %2 von Gerät oder Server angenommen, %3 abgewehrt</translation>
    </message>
    <message>
        <source>: %1 application message altered, %2 accepted by device or server, %3 blocked</source>
        <translation>: %1 Anwendungsnachricht verändert, %2 von Gerät oder Server angenommen, %3 abgewehrt</translation>
    </message>
    <message>
        <source> (of these, on PDUs protected before the protection change: %1; no evidence about the protection since)</source>
        <translation> (davon auf PDUs, die vor der Schutzänderung geschützt wurden: %1; kein Beleg für den Schutz seither)</translation>
    </message>
    <message>
        <source>: signalling PDUs seen that were protected before the protection change: %1 (no evidence about the protection since)</source>
        <translation>: gesehene Signalisierungs-PDUs, die vor der Schutzänderung geschützt wurden: %1 (kein Beleg für den Schutz seither)</translation>
    </message>
    <message>
        <source>: user-plane PDUs seen that were protected before the protection change: %1 (no evidence about the protection since)</source>
        <translation>: gesehene Nutzerebenen-PDUs, die vor der Schutzänderung geschützt wurden: %1 (kein Beleg für den Schutz seither)</translation>
    </message>
    <message>
        <source>attacked, but no attempt was decided by the protection in force: the receivers had no security context, or the PDUs were protected before the protection change</source>
        <translation>angegriffen, aber kein Versuch wurde vom geltenden Schutz entschieden: die Empfänger hatten keinen Sicherheitskontext, oder die PDUs wurden vor der Schutzänderung geschützt</translation>
    </message>
    <message>
        <source>violated only where LTE itself cannot protect: the initial Attach Request travels before any security context exists</source>
        <translation>nur dort verletzt, wo LTE selbst nicht schützen kann: der erste Attach Request wird gesendet, bevor ein Sicherheitskontext besteht</translation>
    </message>
</context>
<context>
    <name>EvidenceTerm</name>
    <message>
        <source>eavesdrop</source>
        <translation>Abhören</translation>
    </message>
    <message>
        <source>tamper</source>
        <translation>Manipulation</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>Wiedereinspielen</translation>
    </message>
    <message>
        <source>inject</source>
        <translation>Einschleusen</translation>
    </message>
    <message>
        <source>downgrade</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <source>insider</source>
        <translation>Insider</translation>
    </message>
    <message>
        <source>integrity check</source>
        <translation>Integritätsprüfung</translation>
    </message>
    <message>
        <source>replay check</source>
        <translation>Replay-Prüfung</translation>
    </message>
    <message>
        <source>parser (did not parse)</source>
        <translation>Parser (nicht lesbar)</translation>
    </message>
    <message>
        <source>policy (protection required)</source>
        <translation>Richtlinie (Schutz verlangt)</translation>
    </message>
    <message>
        <source>duplicate PDCP COUNT check</source>
        <translation>Prüfung auf doppelten PDCP COUNT</translation>
    </message>
    <message>
        <source>no context</source>
        <translation>kein Kontext</translation>
    </message>
    <message>
        <source>capability mismatch</source>
        <translation>Fähigkeiten passen nicht</translation>
    </message>
    <message>
        <source>no effect</source>
        <translation>ohne Wirkung</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>signalling</source>
        <translation>Signalisierung</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>uplink</source>
        <translation>Uplink</translation>
    </message>
    <message>
        <source>downlink</source>
        <translation>Downlink</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>unversehrt</translation>
    </message>
    <message>
        <source>altered</source>
        <translation>verändert</translation>
    </message>
    <message>
        <source>replayed</source>
        <translation>wiedereingespielt</translation>
    </message>
    <message>
        <source>forged</source>
        <translation>gefälscht</translation>
    </message>
    <message>
        <source>readable</source>
        <translation>lesbar</translation>
    </message>
    <message>
        <source>ciphertext</source>
        <translation>Chiffretext</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>abgewehrt</translation>
    </message>
</context>
<context>
    <name>Preset</name>
    <message>
        <source>The first screen: traffic flows with no protection and no attacker, and everything is readable.</source>
        <translation>Der erste Bildschirm: Verkehr fließt ohne Schutz und ohne Angreifer, und alles ist lesbar.</translation>
    </message>
    <message>
        <source>With no protection anywhere, eavesdropping and tampering break every requirement.</source>
        <translation>Ohne jeden Schutz verletzen Abhören und Manipulation jede Anforderung.</translation>
    </message>
    <message>
        <source>The operator&apos;s network protects its own hops, not the data beyond the P-GW.</source>
        <translation>Das Netz des Betreibers schützt seine eigenen Abschnitte, nicht die Daten hinter dem P-GW.</translation>
    </message>
    <message>
        <source>End-to-end application security keeps the data safe from device to server, but the signalling is left exposed.</source>
        <translation>Ende-zu-Ende-Anwendungssicherheit schützt die Daten vom Gerät bis zum Server, aber die Signalisierung bleibt ungeschützt.</translation>
    </message>
    <message>
        <source>Standard devices refuse null integrity (EIA0): none attaches until integrity is switched on halfway, so the forged Detach that breaks R1 in app-only never succeeds.</source>
        <translation>Standardgeräte lehnen Null-Integrität (EIA0) ab: keines führt einen Attach durch, bis der Integritätsschutz zur Hälfte eingeschaltet wird, daher gelingt der gefälschte Detach, der in app-only R1 verletzt, hier nie.</translation>
    </message>
    <message>
        <source>With 3GPP security and end-to-end AEAD together, application data stays confidential and intact everywhere.</source>
        <translation>Mit 3GPP-Sicherheit und Ende-zu-Ende-AEAD zusammen bleiben Anwendungsdaten überall vertraulich und unversehrt.</translation>
    </message>
    <message>
        <source>Air-interface ciphering ends at the eNB: without NDS/IP, S1-U carries the data in the clear.</source>
        <translation>Die Verschlüsselung der Luftschnittstelle endet am eNB: ohne NDS/IP trägt S1-U die Daten im Klartext.</translation>
    </message>
    <message>
        <source>Ciphering without integrity lets an attacker flip bits of a reading undetected.</source>
        <translation>Verschlüsselung ohne Integritätsschutz lässt einen Angreifer unbemerkt Bits eines Messwerts kippen.</translation>
    </message>
    <message>
        <source>A bidding-down attack on the Attach Request is caught by the capabilities replayed in the integrity-protected Security Mode Command.</source>
        <translation>Ein Bidding-down-Angriff auf den Attach Request wird durch die im integritätsgeschützten Security Mode Command zurückgespiegelten Fähigkeiten erkannt.</translation>
    </message>
    <message>
        <source>A device group that supports only SNOW 3G attaches with 128-EIA1/EEA1 beside AES devices; bidding those down from EIA2 to EIA1 is caught by the replayed capabilities.</source>
        <translation>Eine Gerätegruppe, die nur SNOW 3G unterstützt, führt ihren Attach mit 128-EIA1/EEA1 neben AES-Geräten durch; ein Bidding-down dieser von EIA2 auf EIA1 wird durch die zurückgespiegelten Fähigkeiten erkannt.</translation>
    </message>
    <message>
        <source>Hop-by-hop protection ends inside each node: a compromised P-GW reads everything that is not protected end to end.</source>
        <translation>Abschnittsweiser Schutz endet in jedem Knoten: ein kompromittiertes P-GW liest alles, was nicht Ende-zu-Ende geschützt ist.</translation>
    </message>
    <message>
        <source>Integrity alone does not stop a replayed command; the replay window switched on halfway does.</source>
        <translation>Integritätsschutz allein stoppt keinen wiedereingespielten Befehl; das zur Hälfte eingeschaltete Replay-Fenster schon.</translation>
    </message>
    <message>
        <source>OSCORE protects the readings end to end: a compromised P-GW sees only the CoAP header, the token and the OSCORE option (kid, Partial IV), not the reading.</source>
        <translation>OSCORE schützt die Messwerte Ende zu Ende: Ein kompromittiertes P-GW sieht nur den CoAP-Header, das Token und die OSCORE-Option (kid, Partial IV), nicht den Messwert.</translation>
    </message>
    <message>
        <source>A replayed reading or command carries a Partial IV the receiver has seen: OSCORE&apos;s replay window drops it (RFC 8613 7.4).</source>
        <translation>Ein wiedereingespielter Messwert oder Befehl trägt eine Partial IV, die der Empfänger schon gesehen hat: OSCOREs Replay-Fenster verwirft ihn (RFC 8613 7.4).</translation>
    </message>
    <message>
        <source>CoAP over DTLS 1.2 with a pre-shared key (TLS_PSK_WITH_AES_128_CCM_8, as LwM2M): tampered records fail their tag, replayed ones the record window, forged ones authentication, and the eavesdropper sees only record headers.</source>
        <translation>CoAP über DTLS 1.2 mit vorab geteiltem Schlüssel (TLS_PSK_WITH_AES_128_CCM_8, wie bei LwM2M): Manipulierte Records scheitern an ihrem Tag, wiedereingespielte am Record-Fenster, gefälschte an der Authentisierung, und der Lauscher sieht nur Record-Header.</translation>
    </message>
    <message>
        <source>A device that wakes once an hour pays the whole DTLS handshake (three round trips, about 720 octets) before each 15-octet reading; OSCORE needs no handshake.</source>
        <translation>Ein Gerät, das einmal pro Stunde aufwacht, zahlt vor jedem 15-Oktett-Messwert den ganzen DTLS-Handshake (drei Round-Trips, etwa 720 Oktette); OSCORE braucht keinen Handshake.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Captures PDUs on a link and parses them: reads what is not ciphered.</source>
        <translation>Schneidet PDUs auf einer Verbindung mit und zerlegt sie: liest, was nicht verschlüsselt ist.</translation>
    </message>
    <message>
        <source>Flips a bit of the content it can locate; integrity checks catch it.</source>
        <translation>Kippt ein Bit des Inhalts, den er findet; Integritätsprüfungen erkennen das.</translation>
    </message>
    <message>
        <source>Re-sends captured PDUs later; counters and replay windows stop it.</source>
        <translation>Sendet mitgeschnittene PDUs später erneut; Zähler und Replay-Fenster stoppen ihn.</translation>
    </message>
    <message>
        <source>Forges commands or a NAS Detach Request; integrity stops it.</source>
        <translation>Fälscht Befehle oder einen NAS Detach Request; Integritätsschutz stoppt ihn.</translation>
    </message>
    <message>
        <source>Strips ciphering from the UE capabilities in the Attach Request (Uu only).</source>
        <translation>Entfernt die Verschlüsselung aus den UE-Fähigkeiten im Attach Request (nur Uu).</translation>
    </message>
    <message>
        <source>A compromised eNB, MME, S-GW or P-GW reads what the node holds in clear.</source>
        <translation>Ein kompromittierter eNB, eine MME, ein S-GW oder P-GW liest, was der Knoten im Klartext hält.</translation>
    </message>
    <message>
        <source>Add attacker %1</source>
        <translation>Angreifer %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove attacker %1</source>
        <translation>Angreifer %1 entfernen</translation>
    </message>
    <message>
        <source>Change attacker %1</source>
        <translation>Angreifer %1 ändern</translation>
    </message>
    <message>
        <source>reads:</source>
        <translation>liest:</translation>
    </message>
    <message>
        <source>ciphertext beyond this point</source>
        <translation>ab hier Chiffretext</translation>
    </message>
    <message>
        <source>nothing recognisable</source>
        <translation>nichts Erkennbares</translation>
    </message>
    <message>
        <source>&lt;p&gt;This PDU carries no application message (or its record is no longer kept): choose the arrow of a reading or a command.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Diese PDU trägt keine Anwendungsnachricht (oder ihr Eintrag wird nicht mehr gehalten): wählen Sie den Pfeil eines Messwerts oder eines Befehls.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Command “%1” from the server to device %2</source>
        <translation>Befehl „%1“ vom Server an Gerät %2</translation>
    </message>
    <message>
        <source>Reading “%1” from device %2 to the server</source>
        <translation>Messwert „%1“ von Gerät %2 an den Server</translation>
    </message>
    <message>
        <source>&lt;p&gt;Sent at %1 s. Each hop below: the protection on it, what an eavesdropper on the link reads, what attackers did, what the receiving node decoded inside the hop&apos;s protection and what it decided. Changed octets are &lt;b&gt;&lt;u&gt;bold and underlined&lt;/u&gt;&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Gesendet bei %1 s. Für jeden Abschnitt unten: sein Schutz, was ein Lauscher auf der Verbindung liest, was Angreifer taten, was der empfangende Knoten innerhalb des Schutzes dieses Abschnitts entschlüsselt hat und wie er entschieden hat. Geänderte Oktette sind &lt;b&gt;&lt;u&gt;fett und unterstrichen&lt;/u&gt;&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Protection on this hop</source>
        <translation>Schutz auf diesem Abschnitt</translation>
    </message>
    <message>
        <source>An eavesdropper on %1 reads</source>
        <translation>Ein Lauscher auf %1 liest</translation>
    </message>
    <message>
        <source> — on the wire 0x%1 → &lt;b&gt;&lt;u&gt;0x%2&lt;/u&gt;&lt;/b&gt;</source>
        <translation> — auf der Leitung 0x%1 → &lt;b&gt;&lt;u&gt;0x%2&lt;/u&gt;&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Attacker</source>
        <translation>Angreifer</translation>
    </message>
    <message>
        <source>On the wire, as changed:</source>
        <translation>Auf der Leitung, verändert:</translation>
    </message>
    <message>
        <source>%1 decoded</source>
        <translation>%1 entschlüsselt</translation>
    </message>
    <message>
        <source>Decoded by the %1, octets that differ from what the sender put in marked:</source>
        <translation>Entschlüsselt von %1, Oktette, die vom Gesendeten abweichen, markiert:</translation>
    </message>
    <message>
        <source>The sender put in</source>
        <translation>Vom Sender eingegeben</translation>
    </message>
    <message>
        <source>nothing: refused before or while removing the hop&apos;s protection</source>
        <translation>nichts: abgelehnt vor oder beim Entfernen des Schutzes dieses Abschnitts</translation>
    </message>
    <message>
        <source>&lt;b&gt;⚠ accepted, with content other than what the sender put in&lt;/b&gt;</source>
        <translation>&lt;b&gt;⚠ angenommen, mit anderem Inhalt als vom Sender eingegeben&lt;/b&gt;</translation>
    </message>
    <message>
        <source>✓ accepted</source>
        <translation>✓ angenommen</translation>
    </message>
    <message>
        <source>&lt;b&gt;✗ dropped&lt;/b&gt; by the %1</source>
        <translation>&lt;b&gt;✗ verworfen&lt;/b&gt; durch %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;still on its way&lt;/i&gt;</source>
        <translation>&lt;i&gt;noch unterwegs&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;no longer kept&lt;/i&gt;</source>
        <translation>&lt;i&gt;nicht mehr gehalten&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1 decided</source>
        <translation>%1 entschied</translation>
    </message>
    <message>
        <source>What the %1 accepted</source>
        <translation>Was %1 angenommen hat</translation>
    </message>
    <message>
        <source>&lt;p&gt;It has not reached the %1 (dropped on the way, or still travelling).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sie hat %1 nicht erreicht (unterwegs verworfen oder noch unterwegs).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A replayed copy</source>
        <translation>Eine wiedereingespielte Kopie</translation>
    </message>
    <message>
        <source>The message</source>
        <translation>Die Nachricht</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 was &lt;b&gt;accepted&lt;/b&gt;: %2%3&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 wurde &lt;b&gt;angenommen&lt;/b&gt;: %2%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source> — &lt;b&gt;altered on the way&lt;/b&gt;</source>
        <translation> — &lt;b&gt;unterwegs verändert&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 was &lt;b&gt;refused&lt;/b&gt; by the %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 wurde von %2 &lt;b&gt;abgelehnt&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 is still on its way.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 ist noch unterwegs.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>✗ Reads:</source>
        <translation>✗ Liest:</translation>
    </message>
    <message>
        <source>Reads:</source>
        <translation>Liest:</translation>
    </message>
    <message>
        <source>✓ Ciphertext: nothing more to read</source>
        <translation>✓ Chiffretext: nichts weiter zu lesen</translation>
    </message>
    <message>
        <source>Still protected end to end beyond this point</source>
        <translation>Ab hier weiterhin Ende-zu-Ende geschützt</translation>
    </message>
    <message>
        <source>Nothing recognisable.</source>
        <translation>Nichts Erkennbares.</translation>
    </message>
    <message>
        <source>integrity check failed (MAC, MAC-I, ICV or tag)</source>
        <translation>Integritätsprüfung fehlgeschlagen (MAC, MAC-I, ICV oder Tag)</translation>
    </message>
    <message>
        <source>replay check (counter or replay window)</source>
        <translation>Replay-Prüfung (Zähler oder Replay-Fenster)</translation>
    </message>
    <message>
        <source>did not parse (malformed, for example deciphered with the wrong COUNT)</source>
        <translation>nicht lesbar (fehlerhaft, z. B. mit falschem COUNT entschlüsselt)</translation>
    </message>
    <message>
        <source>policy: protection required but absent</source>
        <translation>Richtlinie: Schutz verlangt, aber nicht vorhanden</translation>
    </message>
    <message>
        <source>duplicate PDCP COUNT, discarded before deciphering</source>
        <translation>doppelter PDCP COUNT, vor dem Entschlüsseln verworfen</translation>
    </message>
    <message>
        <source>no context for it</source>
        <translation>kein Kontext dafür</translation>
    </message>
    <message>
        <source>security capability mismatch</source>
        <translation>Sicherheitsfähigkeiten passen nicht</translation>
    </message>
    <message>
        <source>ignored, without effect</source>
        <translation>ignoriert, ohne Wirkung</translation>
    </message>
    <message>
        <source>EIA0 (none)</source>
        <translation>EIA0 (keiner)</translation>
    </message>
    <message>
        <source>128-EIA1 (SNOW 3G)</source>
        <translation>128-EIA1 (SNOW 3G)</translation>
    </message>
    <message>
        <source>128-EIA2 (AES-CMAC)</source>
        <translation>128-EIA2 (AES-CMAC)</translation>
    </message>
    <message>
        <source>128-EIA3 (ZUC)</source>
        <translation>128-EIA3 (ZUC)</translation>
    </message>
    <message>
        <source>EEA0 (none)</source>
        <translation>EEA0 (keine)</translation>
    </message>
    <message>
        <source>128-EEA1 (SNOW 3G)</source>
        <translation>128-EEA1 (SNOW 3G)</translation>
    </message>
    <message>
        <source>128-EEA2 (AES-CTR)</source>
        <translation>128-EEA2 (AES-CTR)</translation>
    </message>
    <message>
        <source>128-EEA3 (ZUC)</source>
        <translation>128-EEA3 (ZUC)</translation>
    </message>
    <message>
        <source>Security mode complete (ciphered)</source>
        <translation>Security Mode Complete (verschlüsselt)</translation>
    </message>
    <message>
        <source>IMSI</source>
        <translation>IMSI</translation>
    </message>
    <message>
        <source>NAS message</source>
        <translation>NAS-Nachricht</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>Messwert</translation>
    </message>
    <message>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>read: %1</source>
        <translation>gelesen: %1</translation>
    </message>
    <message>
        <source>ciphertext only</source>
        <translation>nur Chiffretext</translation>
    </message>
    <message>
        <source>nothing secret</source>
        <translation>nichts Geheimes</translation>
    </message>
    <message>
        <source>none (no key)</source>
        <translation>keiner (kein Schlüssel)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>command %1</source>
        <translation>Befehl %1</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>Messwert %1</translation>
    </message>
    <message>
        <source>PDU</source>
        <translation>PDU</translation>
    </message>
    <message>
        <source>Attach accept (ciphered)</source>
        <translation>Attach Accept (verschlüsselt)</translation>
    </message>
    <message>
        <source>Attach complete (ciphered)</source>
        <translation>Attach Complete (verschlüsselt)</translation>
    </message>
    <message>
        <source>NAS (ciphered)</source>
        <translation>NAS (verschlüsselt)</translation>
    </message>
    <message>
        <source>user data</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>Diameter AIR</source>
        <translation>Diameter AIR</translation>
    </message>
    <message>
        <source>Diameter AIA</source>
        <translation>Diameter AIA</translation>
    </message>
    <message>
        <source>ESP ICV (NDS/IP integrity)</source>
        <translation>ESP-ICV (NDS/IP-Integrität)</translation>
    </message>
    <message>
        <source>PDCP MAC-I (RRC integrity)</source>
        <translation>PDCP MAC-I (RRC-Integrität)</translation>
    </message>
    <message>
        <source>OSCORE AES-CCM tag (RFC 8613)</source>
        <translation>OSCORE-AES-CCM-Tag (RFC 8613)</translation>
    </message>
    <message>
        <source>DTLS handshake (RFC 6347 4.2)</source>
        <translation>DTLS-Handshake (RFC 6347 4.2)</translation>
    </message>
    <message>
        <source>DTLS record AEAD tag (AES-128-CCM_8, RFC 6347)</source>
        <translation>AEAD-Tag des DTLS-Records (AES-128-CCM_8, RFC 6347)</translation>
    </message>
    <message>
        <source>end-to-end integrity required, none present</source>
        <translation>Ende-zu-Ende-Integrität verlangt, keine vorhanden</translation>
    </message>
    <message>
        <source>end-to-end AES-GCM tag</source>
        <translation>Ende-zu-Ende-AES-GCM-Tag</translation>
    </message>
    <message>
        <source>end-to-end AES-CMAC tag</source>
        <translation>Ende-zu-Ende-AES-CMAC-Tag</translation>
    </message>
    <message>
        <source>OSCORE replay window (RFC 8613 7.4)</source>
        <translation>OSCORE-Replay-Fenster (RFC 8613 7.4)</translation>
    </message>
    <message>
        <source>DTLS record replay window (RFC 6347 4.1.2.6)</source>
        <translation>Replay-Fenster der DTLS-Records (RFC 6347 4.1.2.6)</translation>
    </message>
    <message>
        <source>end-to-end policy (not in the mode in force)</source>
        <translation>Ende-zu-Ende-Richtlinie (nicht im geltenden Modus)</translation>
    </message>
    <message>
        <source>NAS MAC (integrity)</source>
        <translation>NAS-MAC (Integrität)</translation>
    </message>
    <message>
        <source>ESP anti-replay window</source>
        <translation>ESP-Anti-Replay-Fenster</translation>
    </message>
    <message>
        <source>PDCP COUNT (replay)</source>
        <translation>PDCP COUNT (Replay)</translation>
    </message>
    <message>
        <source>end-to-end replay window</source>
        <translation>Ende-zu-Ende-Replay-Fenster</translation>
    </message>
    <message>
        <source>NAS COUNT (replay)</source>
        <translation>NAS COUNT (Replay)</translation>
    </message>
    <message>
        <source>PDCP duplicate COUNT</source>
        <translation>doppelter PDCP COUNT</translation>
    </message>
    <message>
        <source>did not parse (deciphered with the wrong COUNT)</source>
        <translation>nicht lesbar (mit falschem COUNT entschlüsselt)</translation>
    </message>
    <message>
        <source>NDS/IP policy (unprotected packet)</source>
        <translation>NDS/IP-Richtlinie (ungeschütztes Paket)</translation>
    </message>
    <message>
        <source>no security context</source>
        <translation>kein Sicherheitskontext</translation>
    </message>
    <message>
        <source>UE security capabilities mismatch</source>
        <translation>UE-Sicherheitsfähigkeiten passen nicht</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignoriert</translation>
    </message>
    <message>
        <source>%1 ◉ %2</source>
        <translation>%1 ◉ %2</translation>
    </message>
    <message>
        <source>%1 ✎ %2</source>
        <translation>%1 ✎ %2</translation>
    </message>
    <message>
        <source>changed octet %1</source>
        <translation>Oktett %1 geändert</translation>
    </message>
    <message>
        <source>%1 ⟲ replayed</source>
        <translation>%1 ⟲ wiedereingespielt</translation>
    </message>
    <message>
        <source>%1 ✚ forged</source>
        <translation>%1 ✚ gefälscht</translation>
    </message>
    <message>
        <source>%1 ⌂ %2</source>
        <translation>%1 ⌂ %2</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>%1, %2 octets</source>
        <translation>%1, %2 Oktette</translation>
    </message>
    <message>
        <source>✗ dropped: %1</source>
        <translation>✗ verworfen: %1</translation>
    </message>
    <message>
        <source>⚠ accepted, altered</source>
        <translation>⚠ angenommen, verändert</translation>
    </message>
    <message>
        <source>Message sequence chart of device %1</source>
        <translation>Nachrichtensequenzdiagramm von Gerät %1</translation>
    </message>
    <message>
        <source>Each arrow is one PDU on one hop, labelled with its message (above) and the protection it travelled under on that hop (below). Line: solid green, confidentiality and integrity; dashed blue, integrity only; dash-dot amber, ciphering without integrity; dotted grey, nothing. Marks: ◉ read by an eavesdropper (red: a secret), ✎ changed, ⟲ replayed copy, ✚ forged, ⌂ insider in a node; ✗ dropped by the check named; ⚠ accepted with content other than what the sender put in.</source>
        <translation>Jeder Pfeil ist eine PDU auf einem Abschnitt, beschriftet mit ihrer Nachricht (oben) und dem Schutz, unter dem sie auf diesem Abschnitt lief (unten). Linie: durchgezogen grün, Vertraulichkeit und Integrität; gestrichelt blau, nur Integrität; strichpunktiert bernsteinfarben, Verschlüsselung ohne Integrität; gepunktet grau, nichts. Zeichen: ◉ von einem Lauscher gelesen (rot: ein Geheimnis), ✎ verändert, ⟲ wiedereingespielte Kopie, ✚ gefälscht, ⌂ Insider in einem Knoten; ✗ verworfen durch die genannte Prüfung; ⚠ angenommen mit anderem Inhalt als vom Sender eingegeben.</translation>
    </message>
    <message>
        <source>confidentiality and integrity</source>
        <translation>Vertraulichkeit und Integrität</translation>
    </message>
    <message>
        <source>integrity only</source>
        <translation>nur Integrität</translation>
    </message>
    <message>
        <source>confidentiality without integrity</source>
        <translation>Vertraulichkeit ohne Integrität</translation>
    </message>
    <message>
        <source>no protection</source>
        <translation>kein Schutz</translation>
    </message>
    <message>
        <source>Uu: RRC %1, UP %2 (no integrity)</source>
        <translation>Uu: RRC %1, UP %2 (ohne Integrität)</translation>
    </message>
    <message>
        <source>Air interface: RRC integrity and ciphering %1, user-plane ciphering %2; user data has no integrity protection in LTE%3</source>
        <translation>Luftschnittstelle: RRC-Integrität und -Verschlüsselung %1, Verschlüsselung der Nutzerebene %2; Nutzdaten haben in LTE keinen Integritätsschutz%3</translation>
    </message>
    <message>
        <source> (only RRC signalling is integrity protected)</source>
        <translation> (nur die RRC-Signalisierung ist integritätsgeschützt)</translation>
    </message>
    <message>
        <source>%1: NDS/IP ESP</source>
        <translation>%1: NDS/IP ESP</translation>
    </message>
    <message>
        <source>%1: no protection</source>
        <translation>%1: kein Schutz</translation>
    </message>
    <message>
        <source>%1: NDS/IP, IPsec ESP with AES-128-GCM and anti-replay</source>
        <translation>%1: NDS/IP, IPsec ESP mit AES-128-GCM und Replay-Schutz</translation>
    </message>
    <message>
        <source>%1: no NDS/IP, packets travel in clear</source>
        <translation>%1: kein NDS/IP, Pakete laufen im Klartext</translation>
    </message>
    <message>
        <source>replay window</source>
        <translation>Replay-Fenster</translation>
    </message>
    <message>
        <source>End-to-end application security between device and MTC server: </source>
        <translation>Ende-zu-Ende-Anwendungssicherheit zwischen Gerät und MTC-Server: </translation>
    </message>
    <message>
        <source>, with replay protection</source>
        <translation>, mit Replay-Schutz</translation>
    </message>
    <message>
        <source>NAS security between device and MME: </source>
        <translation>NAS-Sicherheit zwischen Gerät und MME: </translation>
    </message>
    <message>
        <source>PDU %1 (click to inspect)</source>
        <translation>PDU %1 (zum Untersuchen klicken)</translation>
    </message>
    <message>
        <source>device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no security context set up (NAS none, AS none)</comment>
        <translation>keiner</translation>
    </message>
    <message>
        <source>group %1</source>
        <comment>the device&apos;s group in a scenario, then its name</comment>
        <translation>Gruppe %1</translation>
    </message>
</context>
<context>
    <name>Requirement</name>
    <message>
        <source>Signalling between MTC device and 3GPP network entities is integrity protected, on the air interface and in the network domain (shall).</source>
        <translation>Die Signalisierung zwischen MTC-Gerät und 3GPP-Netzeinheiten ist integritätsgeschützt, auf der Luftschnittstelle und in der Netzdomäne (shall).</translation>
    </message>
    <message>
        <source>Signalling between MTC device and 3GPP network entities is confidentiality protected, on the air interface and in the network domain (should).</source>
        <translation>Die Signalisierung zwischen MTC-Gerät und 3GPP-Netzeinheiten ist vertraulichkeitsgeschützt, auf der Luftschnittstelle und in der Netzdomäne (should).</translation>
    </message>
    <message>
        <source>MTC application data transfer is confidential: no eavesdropping at any point in the network (should).</source>
        <translation>Die Übertragung von MTC-Anwendungsdaten ist vertraulich: kein Abhören an irgendeiner Stelle im Netz (should).</translation>
    </message>
    <message>
        <source>MTC device and MTC server verify the integrity of the application data they exchange (should).</source>
        <translation>MTC-Gerät und MTC-Server prüfen die Integrität der Anwendungsdaten, die sie austauschen (should).</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::AbCompareDialog</name>
    <message>
        <source>Compare A/B</source>
        <translation>A/B vergleichen</translation>
    </message>
    <message>
        <source>A: the run as it is. B: the same seed and the same live changes, with the protection below from the start. Both run to t = %1 s.</source>
        <translation>A: der Lauf, wie er ist. B: derselbe Startwert und dieselben Live-Änderungen, mit dem Schutz unten von Anfang an. Beide laufen bis t = %1 s.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>&amp;Run A and B</source>
        <translation>A und B &amp;ausführen</translation>
    </message>
    <message>
        <source>R1 signalling integrity</source>
        <translation>R1 Integrität der Signalisierung</translation>
    </message>
    <message>
        <source>R2 signalling confidentiality</source>
        <translation>R2 Vertraulichkeit der Signalisierung</translation>
    </message>
    <message>
        <source>R3 application data confidentiality</source>
        <translation>R3 Vertraulichkeit der Anwendungsdaten</translation>
    </message>
    <message>
        <source>R4 application data integrity</source>
        <translation>R4 Integrität der Anwendungsdaten</translation>
    </message>
    <message>
        <source>Readings sent</source>
        <translation>Gesendete Messwerte</translation>
    </message>
    <message>
        <source>Readings delivered intact</source>
        <translation>Unversehrt zugestellte Messwerte</translation>
    </message>
    <message>
        <source>Readings delivered altered</source>
        <translation>Verändert zugestellte Messwerte</translation>
    </message>
    <message>
        <source>Readings dropped</source>
        <translation>Verworfene Messwerte</translation>
    </message>
    <message>
        <source>Commands delivered intact</source>
        <translation>Unversehrt zugestellte Befehle</translation>
    </message>
    <message>
        <source>Commands delivered altered</source>
        <translation>Verändert zugestellte Befehle</translation>
    </message>
    <message>
        <source>Replayed copies accepted</source>
        <translation>Angenommene wiedereingespielte Kopien</translation>
    </message>
    <message>
        <source>Forgeries accepted</source>
        <translation>Angenommene Fälschungen</translation>
    </message>
    <message>
        <source>Dropped by integrity checks</source>
        <translation>Durch Integritätsprüfungen verworfen</translation>
    </message>
    <message>
        <source>Dropped by replay checks</source>
        <translation>Durch Replay-Prüfungen verworfen</translation>
    </message>
    <message>
        <source>Attaches completed</source>
        <translation>Abgeschlossene Attaches</translation>
    </message>
    <message>
        <source>Attacks: attempts</source>
        <translation>Angriffe: Versuche</translation>
    </message>
    <message>
        <source>Attacks: blocked</source>
        <translation>Angriffe: abgewehrt</translation>
    </message>
    <message>
        <source>Attacks: succeeded</source>
        <translation>Angriffe: erfolgreich</translation>
    </message>
    <message>
        <source>Secrets read (readings, commands, keys)</source>
        <translation>Gelesene Geheimnisse (Messwerte, Befehle, Schlüssel)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Both runs took %1 ms; rows that differ are in bold.</source>
        <translation>Beide Läufe dauerten %1 ms; abweichende Zeilen sind fett.</translation>
    </message>
    <message>
        <source>Running A and B…</source>
        <translation>A und B laufen…</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>Vergleich abgebrochen.</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;Machine-Type Communication security over LTE, live and with real cryptography:&lt;br&gt;NAS, AS, NDS/IP and end-to-end application security, attacks and the four requirements.&lt;/p&gt;&lt;p&gt;Licence: GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;Built with Qt %3 (running %4) and %5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;Sicherheit der Machine-Type Communication über LTE, live und mit echter Kryptographie:&lt;br&gt;NAS, AS, NDS/IP und Ende-zu-Ende-Anwendungssicherheit, Angriffe und die vier Anforderungen.&lt;/p&gt;&lt;p&gt;Lizenz: GNU General Public License, Version 3 oder später.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %3 (läuft mit %4) und %5.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::AttackKindList</name>
    <message>
        <source>Attack kinds</source>
        <translation>Angriffsarten</translation>
    </message>
    <message>
        <source>Drag a kind onto a link or node of the topology</source>
        <translation>Eine Art auf eine Verbindung oder einen Knoten der Topologie ziehen</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::AttackPalette</name>
    <message>
        <source>Drag an attacker onto a link or node, or right-click a link.</source>
        <translation>Einen Angreifer auf eine Verbindung oder einen Knoten ziehen oder eine Verbindung rechts anklicken.</translation>
    </message>
    <message>
        <source>Attack target</source>
        <translation>Angriffsziel</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Platzieren</translation>
    </message>
    <message>
        <source>Place the attacker on the target</source>
        <translation>Den Angreifer auf dem Ziel platzieren</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::AttackSettingsDialog</name>
    <message>
        <source>Attacker %1</source>
        <translation>Angreifer %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source> per s</source>
        <translation> pro s</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Stop at</source>
        <translation>Stopp bei</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Nachrichten</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>&amp;Richtung</translation>
    </message>
    <message>
        <source>&amp;Rate</source>
        <translation>R&amp;ate</translation>
    </message>
    <message>
        <source>&amp;Probability</source>
        <translation>&amp;Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>S&amp;tart</translation>
    </message>
    <message>
        <source>Replay &amp;delay</source>
        <translation>Replay-&amp;Verzögerung</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Replay delay</source>
        <translation>Replay-Verzögerung</translation>
    </message>
    <message>
        <source>The stop time must come after the start</source>
        <translation>Die Stoppzeit muss nach dem Start liegen</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::AttackerItem</name>
    <message>
        <source>starts at %1 s</source>
        <translation>beginnt bei %1 s</translation>
    </message>
    <message>
        <source>✓%1 blocked  ✗%2 succeeded</source>
        <translation>✓%1 abgewehrt  ✗%2 erfolgreich</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Remove attacker</source>
        <translation>Angreifer entfernen</translation>
    </message>
    <message>
        <source>%1: %2 on %3 (right-click for settings or to remove)</source>
        <translation>%1: %2 auf %3 (Rechtsklick für Einstellungen oder zum Entfernen)</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::ChartsDock</name>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Simulated time (s)</source>
        <translation>Simulierte Zeit (s)</translation>
    </message>
    <message>
        <source>PDUs per second</source>
        <translation>PDUs pro Sekunde</translation>
    </message>
    <message>
        <source>Traffic per link</source>
        <translation>Verkehr je Verbindung</translation>
    </message>
    <message>
        <source>Line chart of the PDUs sent per simulated second on each link (Uu, S1-MME, S1-U, S6a, S5, SGi) against simulated time; each link has its own line pattern.</source>
        <translation>Liniendiagramm der je simulierter Sekunde gesendeten PDUs auf jeder Verbindung (Uu, S1-MME, S1-U, S6a, S5, SGi) über der simulierten Zeit; jede Verbindung hat ihr eigenes Linienmuster.</translation>
    </message>
    <message>
        <source>Attempts or messages lost (cumulative)</source>
        <translation>Versuche oder verlorene Nachrichten (kumuliert)</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Abgewehrt</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>No effect</source>
        <translation>Ohne Wirkung</translation>
    </message>
    <message>
        <source>Collateral (messages lost)</source>
        <translation>Kollateral (verlorene Nachrichten)</translation>
    </message>
    <message>
        <source>Attack outcomes</source>
        <translation>Angriffsergebnisse</translation>
    </message>
    <message>
        <source>Line chart against simulated time of the cumulative number of attack attempts blocked (solid line), succeeded (dashed line) and without effect (dotted line), and of the genuine messages lost as collateral of attacks (dash-dot line). An eavesdropper or insider that reads a secret counts as succeeded, one that reads only ciphertext as blocked, one that reads nothing secret as without effect.</source>
        <translation>Liniendiagramm über der simulierten Zeit: kumulierte Zahl der Angriffsversuche, die abgewehrt wurden (durchgezogen), erfolgreich waren (gestrichelt) oder ohne Wirkung blieben (gepunktet), und der echten Nachrichten, die als Kollateralschaden von Angriffen verloren gingen (strichpunktiert). Ein Lauscher oder Insider, der ein Geheimnis liest, zählt als erfolgreich, einer, der nur Chiffretext liest, als abgewehrt, einer, der nichts Geheimes liest, als ohne Wirkung.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Mean octets per PDU on the wire</source>
        <translation>Mittlere Oktette je PDU auf der Leitung</translation>
    </message>
    <message>
        <source>Last %1 s</source>
        <translation>Letzte %1 s</translation>
    </message>
    <message>
        <source>Whole run</source>
        <translation>Ganzer Lauf</translation>
    </message>
    <message>
        <source>PDU size</source>
        <translation>PDU-Größe</translation>
    </message>
    <message>
        <source>Bar chart of the mean octets per PDU on the wire on each link, over the last %1 simulated seconds (solid bars) and over the whole run (hatched bars). It shows sizes, not overhead alone: the octets that protection adds (an ESP tunnel, an end-to-end tag) show as the recent bar rises above the whole run&apos;s after it is switched on.</source>
        <translation>Balkendiagramm der mittleren Oktette je PDU auf der Leitung jeder Verbindung, über die letzten %1 simulierten Sekunden (volle Balken) und über den ganzen Lauf (schraffierte Balken). Es zeigt Größen, nicht nur den Overhead: die Oktette, die ein Schutz hinzufügt (ein ESP-Tunnel, ein Ende-zu-Ende-Tag), zeigen sich, wenn der aktuelle Balken nach dem Einschalten über den des ganzen Laufs steigt.</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::CryptoLabDialog</name>
    <message>
        <source>Crypto lab</source>
        <translation>Kryptolabor</translation>
    </message>
    <message>
        <source>Calculators</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <source>128-EEA1/2/3 / 128-EIA1/2/3, MILENAGE and the TS 33.401 Annex A key derivations (Ctrl+Tab switches).</source>
        <translation>128-EEA1/2/3 / 128-EIA1/2/3, MILENAGE und die Schlüsselableitungen aus TS 33.401 Anhang A (Strg+Tab wechselt).</translation>
    </message>
    <message>
        <source>EEA / EIA</source>
        <translation>EEA / EIA</translation>
    </message>
    <message>
        <source>128-EEA1/2/3 ciphering and 128-EIA1/2/3 integrity: SNOW 3G, AES and ZUC (TS 33.401 Annex B, their official test sets)</source>
        <translation>128-EEA1/2/3-Verschlüsselung und 128-EIA1/2/3-Integritätsschutz: SNOW 3G, AES und ZUC (TS 33.401 Anhang B, ihre offiziellen Testsätze)</translation>
    </message>
    <message>
        <source>Milenage</source>
        <translation>Milenage</translation>
    </message>
    <message>
        <source>MILENAGE f1-f5* (TS 35.206, test sets of TS 35.207/35.208)</source>
        <translation>MILENAGE f1-f5* (TS 35.206, Testsätze aus TS 35.207/35.208)</translation>
    </message>
    <message>
        <source>Key derivation (TS 33.401 Annex A)</source>
        <translation>Schlüsselableitung (TS 33.401 Anhang A)</translation>
    </message>
    <message>
        <source>KASME, KeNB, NH, KeNB* and the algorithm keys (TS 33.401 Annex A)</source>
        <translation>KASME, KeNB, NH, KeNB* und die Algorithmusschlüssel (TS 33.401 Anhang A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the crypto lab (Esc).</source>
        <translation>Das Kryptolabor schließen (Esc).</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::DeviceModel</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>IMSI</source>
        <translation>IMSI</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::DevicesDialog</name>
    <message>
        <source>MTC devices (%1)</source>
        <translation>MTC-Geräte (%1)</translation>
    </message>
    <message>
        <source>Each device has a USIM (IMSI, K, OPc, SQN) and one PDN address.</source>
        <translation>Jedes Gerät hat eine USIM (IMSI, K, OPc, SQN) und eine PDN-Adresse.</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::EventLogDock</name>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Filter by link or node</source>
        <translation>Nach Verbindung oder Knoten filtern</translation>
    </message>
    <message>
        <source>Show the events of one link or node</source>
        <translation>Die Ereignisse einer Verbindung oder eines Knotens zeigen</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Wo:</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Attacks</source>
        <translation>Angriffe</translation>
    </message>
    <message>
        <source>Drops</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>PDUs sent, uplink and downlink data sent and delivered</source>
        <translation>Gesendete PDUs, gesendete und zugestellte Uplink- und Downlink-Daten</translation>
    </message>
    <message>
        <source>Protection changes, security mode commands, attach and detach</source>
        <translation>Schutzänderungen, Security Mode Commands, Attach und Detach</translation>
    </message>
    <message>
        <source>Attackers added or removed, their actions and outcomes</source>
        <translation>Hinzugefügte oder entfernte Angreifer, ihre Aktionen und Ergebnisse</translation>
    </message>
    <message>
        <source>PDUs a receiver refused</source>
        <translation>PDUs, die ein Empfänger abgelehnt hat</translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation>Nach Kategorie filtern</translation>
    </message>
    <message>
        <source>Show one category of events</source>
        <translation>Eine Kategorie von Ereignissen zeigen</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>✓ Blocked</source>
        <translation>✓ Abgewehrt</translation>
    </message>
    <message>
        <source>✗ Succeeded</source>
        <translation>✗ Erfolgreich</translation>
    </message>
    <message>
        <source>Attacks blocked and PDUs dropped</source>
        <translation>Abgewehrte Angriffe und verworfene PDUs</translation>
    </message>
    <message>
        <source>Attacks that succeeded</source>
        <translation>Erfolgreiche Angriffe</translation>
    </message>
    <message>
        <source>Filter by outcome</source>
        <translation>Nach Ergebnis filtern</translation>
    </message>
    <message>
        <source>Show what was blocked or what succeeded</source>
        <translation>Zeigen, was abgewehrt wurde oder was erfolgreich war</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>Ereignisse durchsuchen</translation>
    </message>
    <message>
        <source>Search the device, event, attack and details (ignoring case); %1</source>
        <translation>Gerät, Ereignis, Angriff und Details durchsuchen (ohne Groß-/Kleinschreibung); %1</translation>
    </message>
    <message>
        <source>Events shown</source>
        <translation>Angezeigte Ereignisse</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%1 von %2 Ereignissen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>%1 of the newest %2 events</source>
        <translation>%1 der neuesten %2 Ereignisse</translation>
    </message>
    <message>
        <source>, searching %1%</source>
        <translation>, Suche bei %1%</translation>
    </message>
    <message>
        <source>Events shown (passing the filter) of the events kept</source>
        <translation>Angezeigte Ereignisse (die den Filter passieren) von den gehaltenen</translation>
    </message>
    <message>
        <source>; the log keeps the newest %1 events of the run&apos;s %2 (all of them: &apos;mtcsec run&apos; with a .csv report)</source>
        <translation>; das Protokoll hält die neuesten %1 der %2 Ereignisse des Laufs (alle: &apos;mtcsec run&apos; mit einem .csv-Bericht)</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::EventLogModel</name>
    <message>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>bei %1</translation>
    </message>
    <message>
        <source>no device</source>
        <translation>kein Gerät</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation>Gerät %1</translation>
    </message>
    <message>
        <source>no attack</source>
        <translation>kein Angriff</translation>
    </message>
    <message>
        <source>attack %1</source>
        <translation>Angriff %1</translation>
    </message>
    <message>
        <source>%1 s at %2</source>
        <translation>%1 s bei %2</translation>
    </message>
    <message>
        <source>, device %1</source>
        <translation>, Gerät %1</translation>
    </message>
    <message>
        <source>, attack %1</source>
        <translation>, Angriff %1</translation>
    </message>
    <message>
        <source>PDU %1: click or press Enter to inspect it</source>
        <translation>PDU %1: zum Untersuchen klicken oder Eingabe drücken</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Attack</source>
        <translation>Angriff</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Simulated time in seconds</source>
        <translation>Simulierte Zeit in Sekunden</translation>
    </message>
    <message>
        <source>The link or node where the event happened</source>
        <translation>Die Verbindung oder der Knoten, wo das Ereignis geschah</translation>
    </message>
    <message>
        <source>The device the event is about</source>
        <translation>Das Gerät, um das es geht</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>The attack that caused or met the event</source>
        <translation>Der Angriff, der das Ereignis auslöste oder betraf</translation>
    </message>
    <message>
        <source>Details; ✓ an attack was blocked, ✗ an attack succeeded</source>
        <translation>Details; ✓ ein Angriff wurde abgewehrt, ✗ ein Angriff war erfolgreich</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::FollowReadingDialog</name>
    <message>
        <source>Follow this message</source>
        <translation>Dieser Nachricht folgen</translation>
    </message>
    <message>
        <source>The message&apos;s path, hop by hop</source>
        <translation>Der Weg der Nachricht, Abschnitt für Abschnitt</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::InspectorPanel</name>
    <message>
        <source>&amp;Follow this message…</source>
        <translation>Dieser Nachricht &amp;folgen…</translation>
    </message>
    <message>
        <source>This reading or command along its whole path, in the sequence chart</source>
        <translation>Dieser Messwert oder Befehl auf seinem ganzen Weg, im Sequenzdiagramm</translation>
    </message>
    <message>
        <source>What an eavesdropper on the link reads</source>
        <translation>Was ein Lauscher auf der Verbindung liest</translation>
    </message>
    <message>
        <source>What the receiving node reads</source>
        <translation>Was der empfangende Knoten liest</translation>
    </message>
    <message>
        <source>Attacker&apos;s view</source>
        <translation>Sicht des Angreifers</translation>
    </message>
    <message>
        <source>Receiver&apos;s view</source>
        <translation>Sicht des Empfängers</translation>
    </message>
    <message>
        <source>Bytes on the wire</source>
        <translation>Bytes auf der Leitung</translation>
    </message>
    <message>
        <source>Bytes the receiver decoded inside the hop&apos;s protection</source>
        <translation>Bytes, die der Empfänger innerhalb des Schutzes dieses Abschnitts entschlüsselt hat</translation>
    </message>
    <message>
        <source>Bytes the sender put inside the hop&apos;s protection</source>
        <translation>Bytes, die der Sender in den Schutz dieses Abschnitts gegeben hat</translation>
    </message>
    <message>
        <source>Receiver&apos;s decision</source>
        <translation>Entscheidung des Empfängers</translation>
    </message>
    <message>
        <source>Inside the hop&apos;s protection:</source>
        <translation>Innerhalb des Schutzes dieses Abschnitts:</translation>
    </message>
    <message>
        <source>As the sender put it in:</source>
        <translation>Wie vom Sender eingegeben:</translation>
    </message>
    <message>
        <source>On the wire:</source>
        <translation>Auf der Leitung:</translation>
    </message>
    <message>
        <source>Select a message on the canvas or in the event log to inspect it.</source>
        <translation>Eine Nachricht auf der Zeichenfläche oder im Ereignisprotokoll auswählen, um sie zu untersuchen.</translation>
    </message>
    <message>
        <source>PDU %1 is no longer kept (only the most recent 65 536 are).</source>
        <translation>PDU %1 wird nicht mehr gehalten (nur die neuesten 65 536).</translation>
    </message>
    <message>
        <source>&lt;b&gt;PDU %1&lt;/b&gt; on %2, %3, at %4 s, device %5, %6 octets%7</source>
        <translation>&lt;b&gt;PDU %1&lt;/b&gt; auf %2, %3, bei %4 s, Gerät %5, %6 Oktette%7</translation>
    </message>
    <message>
        <source>downlink</source>
        <translation>Downlink</translation>
    </message>
    <message>
        <source>uplink</source>
        <translation>Uplink</translation>
    </message>
    <message>
        <source>, &lt;b&gt;touched by attacker %1&lt;/b&gt;</source>
        <translation>, &lt;b&gt;von Angreifer %1 berührt&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Device %1 negotiated: %2</source>
        <translation>&lt;br&gt;Gerät %1 hat ausgehandelt: %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Still on its way: below is what the sender put in.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Noch unterwegs: unten steht, was der Sender eingegeben hat.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;✓ Accepted&lt;/b&gt; by the receiver%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;✓ Angenommen&lt;/b&gt; vom Empfänger%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, &lt;b&gt;with content other than what the sender put in&lt;/b&gt;</source>
        <translation>, &lt;b&gt;mit anderem Inhalt als vom Sender eingegeben&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;✗ Dropped&lt;/b&gt; by the receiver: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;✗ Verworfen&lt;/b&gt; vom Empfänger: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing decoded: refused before or while removing the hop&apos;s protection.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nichts entschlüsselt: abgelehnt vor oder beim Entfernen des Schutzes dieses Abschnitts.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Forged by an attacker: no sender&apos;s view.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Von einem Angreifer gefälscht: keine Sicht des Senders.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The sender put in:</source>
        <translation>Vom Sender eingegeben:</translation>
    </message>
    <message>
        <source>Decoded by the receiver:</source>
        <translation>Vom Empfänger entschlüsselt:</translation>
    </message>
    <message>
        <source>Inside the hop&apos;s protection, as sent:</source>
        <translation>Innerhalb des Schutzes dieses Abschnitts, wie gesendet:</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::LectureBar</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>The previous step (PageUp or Left)</source>
        <translation>Der vorige Schritt (Bild auf oder Links)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Reveal the answer, or go to the next step (PageDown or Right)</source>
        <translation>Die Antwort auflösen oder zum nächsten Schritt gehen (Bild ab oder Rechts)</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Auflösen</translation>
    </message>
    <message>
        <source>Show the outcome of the run and mark the predictions (R)</source>
        <translation>Das Ergebnis des Laufs zeigen und die Vorhersagen bewerten (R)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Speaker notes in their own window (N)</source>
        <translation>Sprechernotizen in einem eigenen Fenster (N)</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Reveal in %1 s</source>
        <translation>Auflösung in %1 s</translation>
    </message>
    <message>
        <source>Score: %1 of %2 right</source>
        <translation>Ergebnis: %1 von %2 richtig</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::LectureController</name>
    <message>
        <source>Lecture</source>
        <translation>Vorlesung</translation>
    </message>
    <message>
        <source>&amp;Lecture</source>
        <translation>&amp;Vorlesung</translation>
    </message>
    <message>
        <source>Start the &amp;first lecture</source>
        <translation>Die &amp;erste Vorlesung starten</translation>
    </message>
    <message>
        <source>The README&apos;s fifteen-minute lecture, with a question at each step</source>
        <translation>Die fünfzehnminütige Vorlesung aus dem README, mit einer Frage bei jedem Schritt</translation>
    </message>
    <message>
        <source>&amp;Open lecture script…</source>
        <translation>Vorlesungsskript ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open lecture script</source>
        <translation>Vorlesungsskript öffnen</translation>
    </message>
    <message>
        <source>Lecture scripts (*.json);;All files (*)</source>
        <translation>Vorlesungsskripte (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation>&amp;Nächster Schritt</translation>
    </message>
    <message>
        <source>&amp;Previous step</source>
        <translation>&amp;Voriger Schritt</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>&amp;Auflösen</translation>
    </message>
    <message>
        <source>Speaker &amp;notes</source>
        <translation>Sprecher&amp;notizen</translation>
    </message>
    <message>
        <source>Pre&amp;dict</source>
        <translation>Vorher&amp;sagen</translation>
    </message>
    <message>
        <source>R%1: met, violated or no guess</source>
        <translation>R%1: erfüllt, verletzt oder kein Tipp</translation>
    </message>
    <message>
        <source>Attacker %1 asked: its two outcomes or no guess</source>
        <translation>Gefragt nach Angreifer %1: seine zwei Ergebnisse oder kein Tipp</translation>
    </message>
    <message>
        <source>&amp;End lecture</source>
        <translation>Vorlesung &amp;beenden</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>Lecture: %1</source>
        <translation>Vorlesung: %1</translation>
    </message>
    <message>
        <source>The run needs %1 more simulated seconds before the reveal (raise the speed to get there sooner).</source>
        <translation>Der Lauf braucht noch %1 simulierte Sekunden bis zur Auflösung (ein höheres Tempo bringt Sie schneller dorthin).</translation>
    </message>
    <message>
        <source>This was the last step (Lecture &gt; End lecture puts everything back).</source>
        <translation>Das war der letzte Schritt (Vorlesung &gt; Vorlesung beenden stellt alles wieder her).</translation>
    </message>
    <message>
        <source>Step %1 asks about attacker %2, which is not in the run</source>
        <translation>Schritt %1 fragt nach Angreifer %2, der nicht im Lauf ist</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <source>No attacker %1 to remove</source>
        <translation>Kein Angreifer %1 zum Entfernen</translation>
    </message>
    <message>
        <source>Verdicts since the change.</source>
        <translation>Urteile seit der Änderung.</translation>
    </message>
    <message>
        <source>Verdicts over the whole run.</source>
        <translation>Urteile über den ganzen Lauf.</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::LectureNotesWindow</name>
    <message>
        <source>Speaker notes</source>
        <translation>Sprechernotizen</translation>
    </message>
    <message>
        <source>(no notes for this step)</source>
        <translation>(keine Notizen zu diesem Schritt)</translation>
    </message>
    <message>
        <source>Change: %1</source>
        <translation>Änderung: %1</translation>
    </message>
    <message>
        <source>This is the last step.</source>
        <translation>Dies ist der letzte Schritt.</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Als Nächstes: %1</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::MainWindow</name>
    <message>
        <source>%1: %2 devices make %3 cells of at most %4 devices (devices_per_cell). This window runs scenarios of one cell only and did not open this file. Set devices_per_cell to at least %2 in the file, or run it with: mtcsec run --scenario %5</source>
        <translation>%1: %2 Geräte ergeben %3 Zellen zu höchstens %4 Geräten (devices_per_cell). Dieses Fenster führt nur Szenarien mit einer Zelle aus und hat diese Datei nicht geöffnet. Setzen Sie devices_per_cell in der Datei auf mindestens %2, oder führen Sie das Szenario so aus: mtcsec run --scenario %5</translation>
    </message>
    <message>
        <source>Simulated time</source>
        <translation>Simulierte Zeit</translation>
    </message>
    <message>
        <source>Events per second</source>
        <translation>Ereignisse pro Sekunde</translation>
    </message>
    <message>
        <source>Simulation state</source>
        <translation>Simulationszustand</translation>
    </message>
    <message>
        <source>Protections</source>
        <translation>Schutzmaßnahmen</translation>
    </message>
    <message>
        <source>Attacks</source>
        <translation>Angriffe</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Anforderungen</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>t = %1 s of %2 s</source>
        <translation>t = %1 s von %2 s</translation>
    </message>
    <message>
        <source>%L1 events/s</source>
        <translation>%L1 Ereignisse/s</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Run or pause the simulation (Space)</source>
        <translation>Simulation starten oder anhalten (Leertaste)</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>Sc&amp;hritt</translation>
    </message>
    <message>
        <source>Process one event and pause (F10)</source>
        <translation>Ein Ereignis verarbeiten und anhalten (F10)</translation>
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Start the scenario again from time 0, with the seed shown (Ctrl+R)</source>
        <translation>Das Szenario mit dem angezeigten Startwert neu ab Zeit 0 starten (Strg+R)</translation>
    </message>
    <message>
        <source>Run or pause</source>
        <translation>Starten oder anhalten</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> Tempo </translation>
    </message>
    <message>
        <source>Simulation speed</source>
        <translation>Simulationstempo</translation>
    </message>
    <message>
        <source>Simulated seconds per second of wall-clock time</source>
        <translation>Simulierte Sekunden pro Sekunde Echtzeit</translation>
    </message>
    <message>
        <source>0.05× (slow motion)</source>
        <translation>0,05× (Zeitlupe)</translation>
    </message>
    <message>
        <source>0.25×</source>
        <translation>0,25×</translation>
    </message>
    <message>
        <source>1× (real time)</source>
        <translation>1× (Echtzeit)</translation>
    </message>
    <message>
        <source>5×</source>
        <translation>5×</translation>
    </message>
    <message>
        <source>20×</source>
        <translation>20×</translation>
    </message>
    <message>
        <source>100×</source>
        <translation>100×</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>So schnell wie möglich</translation>
    </message>
    <message>
        <source> Seed </source>
        <translation> Startwert </translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>Zufallsstartwert</translation>
    </message>
    <message>
        <source>The random seed: takes effect at the next reset</source>
        <translation>Der Zufallsstartwert: wirkt ab dem nächsten Zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>The default scenario</source>
        <translation>Das Standardszenario</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Vorlagen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>&amp;Simulation</translation>
    </message>
    <message>
        <source>Record &amp;packet captures…</source>
        <translation>&amp;Paketmitschnitte aufzeichnen…</translation>
    </message>
    <message>
        <source>One pcap per link and per attacker, and a key log, into a folder (open them in Wireshark)</source>
        <translation>Eine pcap-Datei je Verbindung und je Angreifer sowie ein Schlüsselprotokoll in einen Ordner (in Wireshark zu öffnen)</translation>
    </message>
    <message>
        <source>Record packet captures into</source>
        <translation>Paketmitschnitte aufzeichnen in</translation>
    </message>
    <message>
        <source>Recording packet captures into %1</source>
        <translation>Paketmitschnitte werden in %1 aufgezeichnet</translation>
    </message>
    <message>
        <source>Packet captures and key log written to %1</source>
        <translation>Paketmitschnitte und Schlüsselprotokoll nach %1 geschrieben</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>The canvas full screen and larger, with R1-R4 and the lesson as captions (F11; Esc leaves)</source>
        <translation>Die Zeichenfläche im Vollbild und größer, mit R1-R4 und der Lektion als Beschriftung (F11; Esc beendet)</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>Präsentationsmodus verlassen</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Crypto lab…</source>
        <translation>&amp;Kryptolabor…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>&amp;Über %1</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>Szenarien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Szenario speichern</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>Szenarien (*.json)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF report (*.pdf);;JSON report (*.json);;Event log as CSV (*.csv)</source>
        <translation>HTML-Bericht (*.html);;PDF-Bericht (*.pdf);;JSON-Bericht (*.json);;Ereignisprotokoll als CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved the scenario as at t = %1 s, the moment on screen: %2 later change(s) of the run are not in the file</source>
        <translation>Szenario gespeichert, wie es bei t = %1 s war, dem angezeigten Zeitpunkt: %2 spätere Änderung(en) des Laufs stehen nicht in der Datei</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
        <source>The scenario “%1” has changes that are not saved.</source>
        <translation>Das Szenario „%1“ hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Save the protections and attackers as they are now?</source>
        <translation>Schutzmaßnahmen und Angreifer im jetzigen Zustand speichern?</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>Last change: %1</source>
        <translation>Letzte Änderung: %1</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language applies the next time MTC Security Lab starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von MTC Security Lab.</translation>
    </message>
    <message>
        <source>• %1 (%2 times)</source>
        <translation>• %1 (%2-mal)</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>• further errors, not listed: %1</source>
        <translation>• weitere, nicht aufgeführte Fehler: %1</translation>
    </message>
    <message>
        <source>More errors came while this box was open (%1):</source>
        <translation>Weitere Fehler, während dieses Fenster offen war (%1):</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::PredictPanel</name>
    <message>
        <source>MET</source>
        <translation>ERFÜLLT</translation>
    </message>
    <message>
        <source>VIOLATED (LTE limit)</source>
        <translation>VERLETZT (LTE-Grenze)</translation>
    </message>
    <message>
        <source>VIOLATED</source>
        <translation>VERLETZT</translation>
    </message>
    <message>
        <source>NOT EXERCISED</source>
        <translation>NICHT GEPRÜFT</translation>
    </message>
    <message>
        <source>✔ right: %1</source>
        <translation>✔ richtig: %1</translation>
    </message>
    <message>
        <source>✘ wrong: %1 (predicted %2)</source>
        <translation>✘ falsch: %1 (vorhergesagt: %2)</translation>
    </message>
    <message>
        <source>no guess: %1</source>
        <translation>kein Tipp: %1</translation>
    </message>
    <message>
        <source>not scored: %1</source>
        <translation>nicht gewertet: %1</translation>
    </message>
    <message>
        <source>✓ met</source>
        <translation>✓ erfüllt</translation>
    </message>
    <message>
        <source>✗ violated</source>
        <translation>✗ verletzt</translation>
    </message>
    <message>
        <source>Predict that R%1 holds (key %1 cycles)</source>
        <translation>Vorhersage: R%1 hält (Taste %1 wechselt)</translation>
    </message>
    <message>
        <source>Predict that R%1 is violated (key %1 cycles)</source>
        <translation>Vorhersage: R%1 wird verletzt (Taste %1 wechselt)</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4</source>
        <translation>%1 %2 %3 %4</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>on</source>
        <translation>auf</translation>
    </message>
    <message>
        <source>What will this attacker read? (key %1 cycles)</source>
        <translation>Was wird dieser Angreifer lesen? (Taste %1 wechselt)</translation>
    </message>
    <message>
        <source>Will this attacker&apos;s messages be accepted? (key %1 cycles)</source>
        <translation>Werden die Nachrichten dieses Angreifers angenommen? (Taste %1 wechselt)</translation>
    </message>
    <message>
        <source>met</source>
        <translation>erfüllt</translation>
    </message>
    <message>
        <source>violated</source>
        <translation>verletzt</translation>
    </message>
    <message>
        <source>has not acted yet</source>
        <translation>hat noch nicht gehandelt</translation>
    </message>
    <message>
        <source>R1 signalling integrity</source>
        <translation>R1 Integrität der Signalisierung</translation>
    </message>
    <message>
        <source>R2 signalling confidentiality</source>
        <translation>R2 Vertraulichkeit der Signalisierung</translation>
    </message>
    <message>
        <source>R3 application data confidentiality</source>
        <translation>R3 Vertraulichkeit der Anwendungsdaten</translation>
    </message>
    <message>
        <source>R4 application data integrity</source>
        <translation>R4 Integrität der Anwendungsdaten</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::PresentationCaptions</name>
    <message>
        <source>R1 signalling integrity</source>
        <translation>R1 Signalisierungsintegrität</translation>
    </message>
    <message>
        <source>R2 signalling confidentiality</source>
        <translation>R2 Signalisierungsvertraulichkeit</translation>
    </message>
    <message>
        <source>R3 data confidentiality</source>
        <translation>R3 Datenvertraulichkeit</translation>
    </message>
    <message>
        <source>R4 data integrity</source>
        <translation>R4 Datenintegrität</translation>
    </message>
    <message>
        <source>✓ MET</source>
        <translation>✓ ERFÜLLT</translation>
    </message>
    <message>
        <source>✗ VIOLATED (LTE limit)</source>
        <translation>✗ VERLETZT (LTE-Grenze)</translation>
    </message>
    <message>
        <source>✗ VIOLATED</source>
        <translation>✗ VERLETZT</translation>
    </message>
    <message>
        <source>– NOT EXERCISED</source>
        <translation>– NICHT GEPRÜFT</translation>
    </message>
    <message>
        <source>Space run/pause · F10 step · Ctrl+R reset · Ctrl+Z undo · Esc leave</source>
        <translation>Leertaste Start/Pause · F10 Schritt · Strg+R Zurücksetzen · Strg+Z Rückgängig · Esc Verlassen</translation>
    </message>
    <message>
        <source> · LTE limit</source>
        <translation> · LTE-Grenze</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::ProtectionPanel</name>
    <message>
        <source>dtls (DTLS 1.2 PSK, AES-CCM-8)</source>
        <translation>dtls (DTLS 1.2 PSK, AES-CCM-8)</translation>
    </message>
    <message>
        <source>oscore (RFC 8613, AES-CCM)</source>
        <translation>oscore (RFC 8613, AES-CCM)</translation>
    </message>
    <message>
        <source>&amp;3GPP on</source>
        <translation>&amp;3GPP an</translation>
    </message>
    <message>
        <source>NAS and AS with 128-EIA2/128-EEA2, NDS/IP on S1-MME, S1-U, S6a and S5</source>
        <translation>NAS und AS mit 128-EIA2/128-EEA2, NDS/IP auf S1-MME, S1-U, S6a und S5</translation>
    </message>
    <message>
        <source>All o&amp;ff</source>
        <translation>Alles a&amp;us</translation>
    </message>
    <message>
        <source>Switch every protection off</source>
        <translation>Jeden Schutz ausschalten</translation>
    </message>
    <message>
        <source>NAS security (device ↔ MME)</source>
        <translation>NAS-Sicherheit (Gerät ↔ MME)</translation>
    </message>
    <message>
        <source>NAS integrity algorithm</source>
        <translation>NAS-Integritätsalgorithmus</translation>
    </message>
    <message>
        <source>NAS ciphering algorithm</source>
        <translation>NAS-Verschlüsselungsalgorithmus</translation>
    </message>
    <message>
        <source>&amp;Integrity</source>
        <translation>&amp;Integrität</translation>
    </message>
    <message>
        <source>&amp;Ciphering</source>
        <translation>&amp;Verschlüsselung</translation>
    </message>
    <message>
        <source>AS security (device ↔ eNB)</source>
        <translation>AS-Sicherheit (Gerät ↔ eNB)</translation>
    </message>
    <message>
        <source>RRC integrity algorithm</source>
        <translation>RRC-Integritätsalgorithmus</translation>
    </message>
    <message>
        <source>RRC ciphering algorithm</source>
        <translation>RRC-Verschlüsselungsalgorithmus</translation>
    </message>
    <message>
        <source>User-plane ciphering algorithm</source>
        <translation>Verschlüsselungsalgorithmus der Nutzerebene</translation>
    </message>
    <message>
        <source>RRC inte&amp;grity</source>
        <translation>RRC-Inte&amp;grität</translation>
    </message>
    <message>
        <source>RRC cip&amp;hering</source>
        <translation>RRC-Vers&amp;chlüsselung</translation>
    </message>
    <message>
        <source>&amp;User plane</source>
        <translation>&amp;Nutzerebene</translation>
    </message>
    <message>
        <source>NDS/IP per backhaul link</source>
        <translation>NDS/IP je Backhaul-Verbindung</translation>
    </message>
    <message>
        <source>NDS/IP: IPsec ESP with AES-GCM, per backhaul link</source>
        <translation>NDS/IP: IPsec ESP mit AES-GCM, je Backhaul-Verbindung</translation>
    </message>
    <message>
        <source>NDS/IP on %1</source>
        <translation>NDS/IP auf %1</translation>
    </message>
    <message>
        <source>Protect %1 with IPsec ESP (confidentiality, integrity, anti-replay)</source>
        <translation>%1 mit IPsec ESP schützen (Vertraulichkeit, Integrität, Replay-Schutz)</translation>
    </message>
    <message>
        <source>NDS/IP off on %1</source>
        <translation>NDS/IP auf %1 aus</translation>
    </message>
    <message>
        <source>End-to-end (device ↔ server)</source>
        <translation>Ende-zu-Ende (Gerät ↔ Server)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>integrity (MAC, no freshness)</source>
        <translation>Integrität (MAC, ohne Frische)</translation>
    </message>
    <message>
        <source>aead (AES-GCM + replay window)</source>
        <translation>AEAD (AES-GCM + Replay-Fenster)</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>benutzerdefiniert</translation>
    </message>
    <message>
        <source>End-to-end protection</source>
        <translation>Ende-zu-Ende-Schutz</translation>
    </message>
    <message>
        <source>C&amp;onfidentiality (encryption)</source>
        <translation>Vertraulich&amp;keit (Verschlüsselung)</translation>
    </message>
    <message>
        <source>I&amp;ntegrity (MAC or AEAD tag)</source>
        <translation>Integrität (MAC oder &amp;AEAD-Tag)</translation>
    </message>
    <message>
        <source>&amp;Replay protection (window)</source>
        <translation>&amp;Replay-Schutz (Fenster)</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Modus</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>End-to-end: %1</source>
        <translation>Ende-zu-Ende: %1</translation>
    </message>
    <message>
        <source>End-to-end %1 %2</source>
        <translation>Ende-zu-Ende %1 %2</translation>
    </message>
    <message>
        <source>on</source>
        <translation>auf</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>3GPP on</source>
        <translation>3GPP an</translation>
    </message>
    <message>
        <source>All protections off</source>
        <translation>Alle Schutzmaßnahmen aus</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::RequirementsPanel</name>
    <message>
        <source>R1 signalling integrity</source>
        <translation>R1 Integrität der Signalisierung</translation>
    </message>
    <message>
        <source>R2 signalling confidentiality</source>
        <translation>R2 Vertraulichkeit der Signalisierung</translation>
    </message>
    <message>
        <source>R3 application data confidentiality</source>
        <translation>R3 Vertraulichkeit der Anwendungsdaten</translation>
    </message>
    <message>
        <source>R4 application data integrity</source>
        <translation>R4 Integrität der Anwendungsdaten</translation>
    </message>
    <message>
        <source>✓ MET
1 message lost</source>
        <translation>✓ ERFÜLLT
1 Nachricht verloren</translation>
    </message>
    <message>
        <source>✓ MET
%1 messages lost</source>
        <translation>✓ ERFÜLLT
%1 Nachrichten verloren</translation>
    </message>
    <message>
        <source>✓ MET</source>
        <translation>✓ ERFÜLLT</translation>
    </message>
    <message>
        <source>✗ VIOLATED
(LTE limit)</source>
        <translation>✗ VERLETZT
(LTE-Grenze)</translation>
    </message>
    <message>
        <source>✗ VIOLATED</source>
        <translation>✗ VERLETZT</translation>
    </message>
    <message>
        <source>– NOT EXERCISED</source>
        <translation>– NICHT GEPRÜFT</translation>
    </message>
    <message>
        <source>R%1: hidden until the reveal</source>
        <translation>R%1: verborgen bis zur Auflösung</translation>
    </message>
    <message>
        <source>R%1 over the whole run: %2</source>
        <translation>R%1 über den ganzen Lauf: %2</translation>
    </message>
    <message>
        <source>Integrity held, but %1 genuine messages were lost to attacks (collateral: an attacker disturbed the receiver&apos;s state). See the evidence.</source>
        <translation>Die Integrität blieb gewahrt, aber %1 echte Nachrichten gingen durch Angriffe verloren (Kollateralschaden: ein Angreifer hat den Zustand des Empfängers gestört). Siehe die Belege.</translation>
    </message>
    <message>
        <source>since the change at %1 s: %2</source>
        <translation>seit der Änderung bei %1 s: %2</translation>
    </message>
    <message>
        <source>Evidence since the last protection change:</source>
        <translation>Belege seit der letzten Schutzänderung:</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::SequenceChartDock</name>
    <message>
        <source>Sequence chart</source>
        <translation>Sequenzdiagramm</translation>
    </message>
    <message>
        <source>&amp;Device</source>
        <translation>&amp;Gerät</translation>
    </message>
    <message>
        <source>Device shown in the sequence chart</source>
        <translation>Im Sequenzdiagramm gezeigtes Gerät</translation>
    </message>
    <message>
        <source>The device whose messages the chart shows (numbered from 0, as in the log)</source>
        <translation>Das Gerät, dessen Nachrichten das Diagramm zeigt (ab 0 nummeriert, wie im Protokoll)</translation>
    </message>
    <message>
        <source>&amp;Follow this message…</source>
        <translation>Dieser Nachricht &amp;folgen…</translation>
    </message>
    <message>
        <source>The selected reading or command hop by hop: what each node and attacker saw</source>
        <translation>Der gewählte Messwert oder Befehl Abschnitt für Abschnitt: was jeder Knoten und Angreifer sah</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the chart as SVG or PNG</source>
        <translation>Das Diagramm als SVG oder PNG speichern</translation>
    </message>
    <message>
        <source>&lt;small&gt;solid: ciphered + integrity · dashed: integrity only · dash-dot: ciphered only · dotted: none · ◉ read · ✎ changed · ⟲ replayed · ✚ forged · ⌂ insider · ✗ dropped&lt;/small&gt;</source>
        <translation>&lt;small&gt;durchgezogen: verschlüsselt + Integrität · gestrichelt: nur Integrität · strichpunktiert: nur verschlüsselt · gepunktet: nichts · ◉ gelesen · ✎ verändert · ⟲ wiedereingespielt · ✚ gefälscht · ⌂ Insider · ✗ verworfen&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Export sequence chart</source>
        <translation>Sequenzdiagramm exportieren</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PNG image (*.png)</source>
        <translation>SVG-Zeichnung (*.svg);;PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>a new session started</source>
        <translation>eine neue Sitzung hat begonnen</translation>
    </message>
    <message>
        <source>another device is shown</source>
        <translation>ein anderes Gerät wird gezeigt</translation>
    </message>
    <message>
        <source>Exporting to %1 once every arrow has its details: %L2 of %L3 so far…</source>
        <translation>Export nach %1, sobald jeder Pfeil seine Details hat: bisher %L2 von %L3…</translation>
    </message>
    <message>
        <source>Paused, the chart is exported when the details of all its arrows have come. Choosing another device cancels the export.</source>
        <translation>Angehalten wird das Diagramm exportiert, wenn die Details aller seiner Pfeile eingetroffen sind. Die Wahl eines anderen Geräts bricht den Export ab.</translation>
    </message>
    <message>
        <source>Sequence chart written to %1</source>
        <translation>Sequenzdiagramm nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Export to %1 cancelled: %2</source>
        <translation>Export nach %1 abgebrochen: %2</translation>
    </message>
    <message>
        <source>the run went back in time</source>
        <translation>der Lauf ist in der Zeit zurückgesprungen</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::SequenceChartModel</name>
    <message>
        <source>attach starts</source>
        <translation>Attach beginnt</translation>
    </message>
    <message>
        <source>attach complete</source>
        <translation>Attach abgeschlossen</translation>
    </message>
    <message>
        <source>attach failed: timeout</source>
        <translation>Attach fehlgeschlagen: Zeitüberschreitung</translation>
    </message>
    <message>
        <source>attach failed: EMM cause #%1</source>
        <translation>Attach fehlgeschlagen: EMM-Ursache #%1</translation>
    </message>
    <message>
        <source>NAS SMC selects %1</source>
        <translation>NAS-SMC wählt %1</translation>
    </message>
    <message>
        <source>AS SMC selects RRC %1+%2, UP %3</source>
        <translation>AS-SMC wählt RRC %1+%2, UP %3</translation>
    </message>
    <message>
        <source>detached</source>
        <translation>getrennt (Detach)</translation>
    </message>
    <message>
        <source>refuses the Security Mode Command (EIA0)</source>
        <translation>lehnt den Security Mode Command ab (EIA0)</translation>
    </message>
    <message>
        <source>no common algorithm</source>
        <translation>kein gemeinsamer Algorithmus</translation>
    </message>
    <message>
        <source>accepts the reading: %1</source>
        <translation>nimmt den Messwert an: %1</translation>
    </message>
    <message>
        <source>accepts the command: %1</source>
        <translation>nimmt den Befehl an: %1</translation>
    </message>
    <message>
        <source>a genuine %1 lost (collateral of %2)</source>
        <translation>ein echter %1 verloren (Kollateralschaden von %2)</translation>
    </message>
    <message>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>Messwert</translation>
    </message>
    <message>
        <source>flipped bit 0 of octet %1</source>
        <translation>Bit 0 von Oktett %1 gekippt</translation>
    </message>
    <message>
        <source>stripped the capabilities to EEA0</source>
        <translation>Fähigkeiten auf EEA0 reduziert</translation>
    </message>
    <message>
        <source>restored the replayed capabilities</source>
        <translation>wiedereingespielte Fähigkeiten wiederhergestellt</translation>
    </message>
    <message>
        <source>insider </source>
        <translation>Insider </translation>
    </message>
    <message>
        <source>replayed copy</source>
        <translation>wiedereingespielte Kopie</translation>
    </message>
    <message>
        <source>forged</source>
        <translation>gefälscht</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::SequenceChartView</name>
    <message>
        <source>Message sequence chart</source>
        <translation>Nachrichtensequenzdiagramm</translation>
    </message>
    <message>
        <source>No message of this device yet: run the simulation.</source>
        <translation>Noch keine Nachricht dieses Geräts: starten Sie die Simulation.</translation>
    </message>
    <message>
        <source>&amp;Inspect this PDU</source>
        <translation>Diese PDU &amp;untersuchen</translation>
    </message>
    <message>
        <source>&amp;Follow this message…</source>
        <translation>Dieser Nachricht &amp;folgen…</translation>
    </message>
    <message>
        <source>PDU %1 on %2: %3
Protection: %4</source>
        <translation>PDU %1 auf %2: %3
Schutz: %4</translation>
    </message>
    <message>
        <source>
Dropped by: %1</source>
        <translation>
Verworfen durch: %1</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::TimelineBar</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>&amp;Next message</source>
        <translation>&amp;Nächste Nachricht</translation>
    </message>
    <message>
        <source>&amp;Compare A/B…</source>
        <translation>A/B &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Pause and run until the next message is put on a link (N, Ctrl+Right)</source>
        <translation>Anhalten und laufen lassen, bis die nächste Nachricht auf eine Verbindung gelegt wird (N, Strg+Rechts)</translation>
    </message>
    <message>
        <source>Run the scenario twice to the current time, A as it is and B with a protection changed, and compare R1-R4 and the key counts</source>
        <translation>Das Szenario zweimal bis zur aktuellen Zeit laufen lassen, A wie es ist und B mit einem geänderten Schutz, und R1-R4 sowie die wichtigsten Zahlen vergleichen</translation>
    </message>
    <message>
        <source>Drag back to any earlier moment of the run (replayed from the seed and your changes) and forward again</source>
        <translation>Zu jedem früheren Moment des Laufs zurückziehen (aus dem Startwert und Ihren Änderungen nachgespielt) und wieder vor</translation>
    </message>
    <message>
        <source> Timeline </source>
        <translation> Zeitleiste </translation>
    </message>
    <message>
        <source>Changed at t = %1 s, before the furthest moment reached: the later part of the run was discarded</source>
        <translation>Bei t = %1 s geändert, vor dem am weitesten erreichten Moment: der spätere Teil des Laufs wurde verworfen</translation>
    </message>
    <message>
        <source>Replayed from the start to this moment; drag forward to go on</source>
        <translation>Vom Anfang bis zu diesem Moment nachgespielt; nach vorn ziehen, um weiterzumachen</translation>
    </message>
    <message>
        <source>%1 s of %2 s</source>
        <translation>%1 s von %2 s</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::TopologyScene</name>
    <message>
        <source>Operator core network (EPC)</source>
        <translation>Kernnetz des Betreibers (EPC)</translation>
    </message>
    <message>
        <source>MTC devices</source>
        <translation>MTC-Geräte</translation>
    </message>
    <message>
        <source>×0</source>
        <translation>×0</translation>
    </message>
    <message>
        <source>eNB</source>
        <translation>eNB</translation>
    </message>
    <message>
        <source>radio access</source>
        <translation>Funkzugang</translation>
    </message>
    <message>
        <source>MME</source>
        <translation>MME</translation>
    </message>
    <message>
        <source>NAS, S1-MME</source>
        <translation>NAS, S1-MME</translation>
    </message>
    <message>
        <source>HSS</source>
        <translation>HSS</translation>
    </message>
    <message>
        <source>subscribers, AKA</source>
        <translation>Teilnehmer, AKA</translation>
    </message>
    <message>
        <source>S-GW</source>
        <translation>S-GW</translation>
    </message>
    <message>
        <source>user plane</source>
        <translation>Nutzerebene</translation>
    </message>
    <message>
        <source>P-GW</source>
        <translation>P-GW</translation>
    </message>
    <message>
        <source>gateway to SGi</source>
        <translation>Übergang zu SGi</translation>
    </message>
    <message>
        <source>MTC server</source>
        <translation>MTC-Server</translation>
    </message>
    <message>
        <source>SCS/AS</source>
        <translation>SCS/AS</translation>
    </message>
    <message>
        <source>Purple: 3GPP network level, hop by hop.   Blue: application level, end to end.
Solid + lock: confidentiality and integrity.  Dashed + shield: integrity only.
Dash-dot + struck lock: ciphering without integrity (user data on Uu: LTE has none for it).
Dotted + open lock: nothing.  Messages: ▲ an observer reads a secret (vermillion),
■ ciphertext (green), ● nothing secret (yellow); ringed: touched by an attacker.</source>
        <translation>Lila: 3GPP-Netzebene, Abschnitt für Abschnitt.   Blau: Anwendungsebene, Ende zu Ende.
Durchgezogen + Schloss: Vertraulichkeit und Integrität.  Gestrichelt + Schild: nur Integrität.
Strichpunktiert + durchgestrichenes Schloss: Verschlüsselung ohne Integrität (Nutzdaten auf Uu: LTE hat keine dafür).
Gepunktet + offenes Schloss: nichts.  Nachrichten: ▲ ein Beobachter liest ein Geheimnis (zinnoberrot),
■ Chiffretext (grün), ● nichts Geheimes (gelb); umringt: von einem Angreifer berührt.</translation>
    </message>
    <message>
        <source>%1 MTC devices, drawn as one group; double-click to list them</source>
        <translation>%1 MTC-Geräte, als eine Gruppe gezeichnet; Doppelklick listet sie auf</translation>
    </message>
    <message>
        <source>
Non-compliant: they accept a Security Mode Command with null integrity (EIA0), against TS 24.301 5.4.3.3 / TS 33.401 5.1.4.1</source>
        <translation>
Nicht konform: sie nehmen einen Security Mode Command mit Null-Integrität (EIA0) an, entgegen TS 24.301 5.4.3.3 / TS 33.401 5.1.4.1</translation>
    </message>
    <message>
        <source>×%1, accept EIA0</source>
        <translation>×%1, nehmen EIA0 an</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>
Group %1: %2 devices, capabilities EEA %3, EIA %4</source>
        <translation>
Gruppe %1: %2 Geräte, Fähigkeiten EEA %3, EIA %4</translation>
    </message>
    <message>
        <source> (device ↔ MME)</source>
        <translation> (Gerät ↔ MME)</translation>
    </message>
    <message>
        <source>Add attacker on %1</source>
        <translation>Angreifer auf %1 hinzufügen</translation>
    </message>
    <message>
        <source>Compromise this node (insider attacker)</source>
        <translation>Diesen Knoten kompromittieren (Insider-Angreifer)</translation>
    </message>
    <message>
        <source>List the devices…</source>
        <translation>Geräte auflisten…</translation>
    </message>
    <message>
        <source>No attacker can be placed in this node</source>
        <translation>In diesem Knoten kann kein Angreifer platziert werden</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::TopologyView</name>
    <message>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <source>The MTC devices, eNB, operator core and MTC server with the protection of every link; drop attackers from the palette onto a link or node</source>
        <translation>Die MTC-Geräte, der eNB, das Kernnetz des Betreibers und der MTC-Server mit dem Schutz jeder Verbindung; Angreifer aus der Palette auf eine Verbindung oder einen Knoten ziehen</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::cryptolab::CipherPage</name>
    <message>
        <source>Load official test set:</source>
        <translation>Offiziellen Testsatz laden:</translation>
    </message>
    <message>
        <source>The official test sets: 128-EEA1 (the UEA2 sets 1-5 of ETSI/SAGE UEA2 &amp; UIA2 Document 3) and 128-EIA1 (TS 33.401 C.4, sets 1-7); 128-EEA2 (C.1, sets 1-6) and 128-EIA2 (C.2, sets 1-8); 128-EEA3 and 128-EIA3 (ETSI/SAGE EEA3 &amp; EIA3 Document 3, sets 1-5 each). Choosing one selects its algorithm, fills the fields, computes and compares with the published result.</source>
        <translation>Die offiziellen Testsätze: 128-EEA1 (die UEA2-Sätze 1-5 aus ETSI/SAGE UEA2 &amp; UIA2 Document 3) und 128-EIA1 (TS 33.401 C.4, Sätze 1-7); 128-EEA2 (C.1, Sätze 1-6) und 128-EIA2 (C.2, Sätze 1-8); 128-EEA3 und 128-EIA3 (ETSI/SAGE EEA3 &amp; EIA3 Document 3, je Sätze 1-5). Die Wahl eines Satzes wählt seinen Algorithmus, füllt die Felder, rechnet und vergleicht mit dem veröffentlichten Ergebnis.</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Algorithms</source>
        <translation>Algorithmen</translation>
    </message>
    <message>
        <source>The algorithm family: SNOW 3G (128-EEA1/EIA1), AES (128-EEA2/EIA2) or ZUC (128-EEA3/EIA3).</source>
        <translation>Die Algorithmenfamilie: SNOW 3G (128-EEA1/EIA1), AES (128-EEA2/EIA2) oder ZUC (128-EEA3/EIA3).</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>KEY</translation>
    </message>
    <message>
        <source>The 128-bit key (KNASenc/KNASint, KRRCenc/KRRCint or KUPenc): 32 hex digits.</source>
        <translation>Der 128-Bit-Schlüssel (KNASenc/KNASint, KRRCenc/KRRCint oder KUPenc): 32 Hex-Ziffern.</translation>
    </message>
    <message>
        <source>COUNT</source>
        <translation>COUNT</translation>
    </message>
    <message>
        <source>COUNT, 32 bits in hex (NAS COUNT or PDCP COUNT), e.g. 398a59b4.</source>
        <translation>COUNT, 32 Bit in Hex (NAS COUNT oder PDCP COUNT), z. B. 398a59b4.</translation>
    </message>
    <message>
        <source>BEARER</source>
        <translation>BEARER</translation>
    </message>
    <message>
        <source>BEARER, 5 bits in hex (0x00-0x1f): 0 for NAS, the radio bearer identity minus 1 for PDCP.</source>
        <translation>BEARER, 5 Bit in Hex (0x00-0x1f): 0 für NAS, die Radio-Bearer-Identität minus 1 für PDCP.</translation>
    </message>
    <message>
        <source>0: uplink</source>
        <translation>0: Uplink</translation>
    </message>
    <message>
        <source>1: downlink</source>
        <translation>1: Downlink</translation>
    </message>
    <message>
        <source>DIRECTION</source>
        <translation>DIRECTION</translation>
    </message>
    <message>
        <source>DIRECTION: 0 for uplink, 1 for downlink.</source>
        <translation>DIRECTION: 0 für Uplink, 1 für Downlink.</translation>
    </message>
    <message>
        <source>LENGTH</source>
        <translation>LENGTH</translation>
    </message>
    <message>
        <source>LENGTH in bits (decimal, or hex with 0x): how many bits of DATA are processed; DATA must hold at least that many, bits beyond are ignored.</source>
        <translation>LENGTH in Bit (dezimal oder hex mit 0x): wie viele Bits von DATA verarbeitet werden; DATA muss mindestens so viele enthalten, weitere Bits werden ignoriert.</translation>
    </message>
    <message>
        <source>DATA</source>
        <translation>DATA</translation>
    </message>
    <message>
        <source>The plaintext (EEA) or message (EIA) in hex; spaces and line breaks are ignored. Ctrl+Enter computes.</source>
        <translation>Der Klartext (EEA) oder die Nachricht (EIA) in Hex; Leerzeichen und Zeilenumbrüche werden ignoriert. Strg+Eingabe rechnet.</translation>
    </message>
    <message>
        <source>DATA size</source>
        <translation>Größe von DATA</translation>
    </message>
    <message>
        <source>&amp;Algorithms:</source>
        <translation>&amp;Algorithmen:</translation>
    </message>
    <message>
        <source>KEY (128 bits, hex):</source>
        <translation>KEY (128 Bit, hex):</translation>
    </message>
    <message>
        <source>COUNT (32 bits, hex):</source>
        <translation>COUNT (32 Bit, hex):</translation>
    </message>
    <message>
        <source>BEARER (5 bits, hex):</source>
        <translation>BEARER (5 Bit, hex):</translation>
    </message>
    <message>
        <source>DIRECTION:</source>
        <translation>DIRECTION:</translation>
    </message>
    <message>
        <source>LENGTH (bits):</source>
        <translation>LENGTH (Bit):</translation>
    </message>
    <message>
        <source>DATA (hex):</source>
        <translation>DATA (hex):</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>ciphertext</source>
        <translation>Chiffretext</translation>
    </message>
    <message>
        <source>The ciphering output: LENGTH bits, the bits beyond LENGTH in the last octet set to zero.</source>
        <translation>Die Ausgabe der Verschlüsselung: LENGTH Bit, die Bits nach LENGTH im letzten Oktett auf null gesetzt.</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>The integrity output (MAC-I, NAS-MAC): 32 bits.</source>
        <translation>Die Ausgabe des Integritätsschutzes (MAC-I, NAS-MAC): 32 Bit.</translation>
    </message>
    <message>
        <source>Ciphertext:</source>
        <translation>Chiffretext:</translation>
    </message>
    <message>
        <source>MAC:</source>
        <translation>MAC:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Compute &amp;ciphertext (%1)</source>
        <translation>&amp;Chiffretext berechnen (%1)</translation>
    </message>
    <message>
        <source>Compute ciphertext (%1)</source>
        <translation>Chiffretext berechnen (%1)</translation>
    </message>
    <message>
        <source>Cipher the first LENGTH bits of DATA with %1 (%2).</source>
        <translation>Die ersten LENGTH Bits von DATA mit %1 (%2) verschlüsseln.</translation>
    </message>
    <message>
        <source>Compute &amp;MAC (%1)</source>
        <translation>&amp;MAC berechnen (%1)</translation>
    </message>
    <message>
        <source>Compute MAC (%1)</source>
        <translation>MAC berechnen (%1)</translation>
    </message>
    <message>
        <source>The 32-bit MAC of the first LENGTH bits of DATA with %1 (%2).</source>
        <translation>Der 32-Bit-MAC der ersten LENGTH Bits von DATA mit %1 (%2).</translation>
    </message>
    <message>
        <source>Computed the %1 ciphertext of %2 bits.</source>
        <translation>Den %1-Chiffretext von %2 Bit berechnet.</translation>
    </message>
    <message>
        <source>Computed the %1 MAC of %2 bits.</source>
        <translation>Den %1-MAC von %2 Bit berechnet.</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>%1 octets = %2 bits</source>
        <translation>%1 Oktette = %2 Bit</translation>
    </message>
    <message>
        <source>not whole octets of hex digits yet</source>
        <translation>noch keine ganzen Oktette aus Hex-Ziffern</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::cryptolab::KdfPage</name>
    <message>
        <source>Load test vector:</source>
        <translation>Testvektor laden:</translation>
    </message>
    <message>
        <source>The key derivation vectors of tests/data/kdf.vec. 3GPP publishes no KDF test data; these are the srsRAN unit-test vectors, reproduced by independent code.</source>
        <translation>Die Schlüsselableitungsvektoren aus tests/data/kdf.vec. 3GPP veröffentlicht keine KDF-Testdaten; dies sind die Unit-Test-Vektoren von srsRAN, von unabhängigem Code nachvollzogen.</translation>
    </message>
    <message>
        <source>KASME from CK, IK (A.2)</source>
        <translation>KASME aus CK, IK (A.2)</translation>
    </message>
    <message>
        <source>KeNB from KASME (A.3)</source>
        <translation>KeNB aus KASME (A.3)</translation>
    </message>
    <message>
        <source>NH from KASME (A.4)</source>
        <translation>NH aus KASME (A.4)</translation>
    </message>
    <message>
        <source>KeNB* for handover (A.5)</source>
        <translation>KeNB* für Handover (A.5)</translation>
    </message>
    <message>
        <source>Algorithm key (A.7)</source>
        <translation>Algorithmusschlüssel (A.7)</translation>
    </message>
    <message>
        <source>Derivation</source>
        <translation>Ableitung</translation>
    </message>
    <message>
        <source>Which key of TS 33.401 Annex A to derive.</source>
        <translation>Welcher Schlüssel aus TS 33.401 Anhang A abgeleitet wird.</translation>
    </message>
    <message>
        <source>Derivation:</source>
        <translation>Ableitung:</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>32 octets, 64 hex digits</source>
        <translation>32 Oktette, 64 Hex-Ziffern</translation>
    </message>
    <message>
        <source>CK</source>
        <translation>CK</translation>
    </message>
    <message>
        <source>The cipher key CK (f3): 32 hex digits.</source>
        <translation>Der Chiffrierschlüssel CK (f3): 32 Hex-Ziffern.</translation>
    </message>
    <message>
        <source>IK</source>
        <translation>IK</translation>
    </message>
    <message>
        <source>The integrity key IK (f4): 32 hex digits.</source>
        <translation>Der Integritätsschlüssel IK (f4): 32 Hex-Ziffern.</translation>
    </message>
    <message>
        <source>SN id</source>
        <translation>SN id</translation>
    </message>
    <message>
        <source>The serving network identity: the PLMN identity (MCC, MNC) coded as in TS 24.301, 3 octets, e.g. 00f110 for MCC 001, MNC 01.</source>
        <translation>Die Identität des bedienenden Netzes: die PLMN-Identität (MCC, MNC), kodiert wie in TS 24.301, 3 Oktette, z. B. 00f110 für MCC 001, MNC 01.</translation>
    </message>
    <message>
        <source>SQN xor AK</source>
        <translation>SQN xor AK</translation>
    </message>
    <message>
        <source>SQN xor AK, the first 6 octets of AUTN: 12 hex digits.</source>
        <translation>SQN xor AK, die ersten 6 Oktette von AUTN: 12 Hex-Ziffern.</translation>
    </message>
    <message>
        <source>CK (128 bits, hex):</source>
        <translation>CK (128 Bit, hex):</translation>
    </message>
    <message>
        <source>IK (128 bits, hex):</source>
        <translation>IK (128 Bit, hex):</translation>
    </message>
    <message>
        <source>SN id (3 octets, hex):</source>
        <translation>SN id (3 Oktette, hex):</translation>
    </message>
    <message>
        <source>SQN ⊕ AK (6 octets, hex):</source>
        <translation>SQN ⊕ AK (6 Oktette, hex):</translation>
    </message>
    <message>
        <source>KASME</source>
        <translation>KASME</translation>
    </message>
    <message>
        <source>KASME: %1.</source>
        <translation>KASME: %1.</translation>
    </message>
    <message>
        <source>Uplink NAS COUNT</source>
        <translation>Uplink-NAS-COUNT</translation>
    </message>
    <message>
        <source>The uplink NAS COUNT of the Security Mode Complete or the TAU Request (decimal, or hex with 0x).</source>
        <translation>Der Uplink-NAS-COUNT des Security Mode Complete oder des TAU Request (dezimal oder hex mit 0x).</translation>
    </message>
    <message>
        <source>KASME (256 bits, hex):</source>
        <translation>KASME (256 Bit, hex):</translation>
    </message>
    <message>
        <source>Uplink NAS COUNT:</source>
        <translation>Uplink-NAS-COUNT:</translation>
    </message>
    <message>
        <source>SYNC-input</source>
        <translation>SYNC-input</translation>
    </message>
    <message>
        <source>SYNC-input: the initial KeNB for the first NH, then the previous NH; %1.</source>
        <translation>SYNC-input: der anfängliche KeNB für das erste NH, danach das vorige NH; %1.</translation>
    </message>
    <message>
        <source>SYNC-input (256 bits, hex):</source>
        <translation>SYNC-input (256 Bit, hex):</translation>
    </message>
    <message>
        <source>KeNB or NH</source>
        <translation>KeNB oder NH</translation>
    </message>
    <message>
        <source>The current KeNB (horizontal derivation) or NH (vertical): %1.</source>
        <translation>Der aktuelle KeNB (horizontale Ableitung) oder NH (vertikale): %1.</translation>
    </message>
    <message>
        <source>PCI</source>
        <translation>PCI</translation>
    </message>
    <message>
        <source>The target physical cell identity, 0-503 (decimal, or hex with 0x).</source>
        <translation>Die physikalische Zellidentität des Ziels, 0-503 (dezimal oder hex mit 0x).</translation>
    </message>
    <message>
        <source>EARFCN-DL</source>
        <translation>EARFCN-DL</translation>
    </message>
    <message>
        <source>The target downlink EARFCN, 0-262143 (decimal, or hex with 0x).</source>
        <translation>Die Downlink-EARFCN des Ziels, 0-262143 (dezimal oder hex mit 0x).</translation>
    </message>
    <message>
        <source>KeNB or NH (256 bits, hex):</source>
        <translation>KeNB oder NH (256 Bit, hex):</translation>
    </message>
    <message>
        <source>PCI:</source>
        <translation>PCI:</translation>
    </message>
    <message>
        <source>EARFCN-DL:</source>
        <translation>EARFCN-DL:</translation>
    </message>
    <message>
        <source>KASME or KeNB</source>
        <translation>KASME oder KeNB</translation>
    </message>
    <message>
        <source>KASME for the NAS keys, KeNB for the RRC and user-plane keys: %1.</source>
        <translation>KASME für die NAS-Schlüssel, KeNB für die RRC- und Nutzerebenen-Schlüssel: %1.</translation>
    </message>
    <message>
        <source>%1 (0x%2)</source>
        <translation>%1 (0x%2)</translation>
    </message>
    <message>
        <source>Algorithm type distinguisher</source>
        <translation>Algorithmustyp-Unterscheider</translation>
    </message>
    <message>
        <source>The algorithm type distinguisher of TS 33.401 Table A.7-1.</source>
        <translation>Der Algorithmustyp-Unterscheider aus TS 33.401 Tabelle A.7-1.</translation>
    </message>
    <message>
        <source>Algorithm identity</source>
        <translation>Algorithmusidentität</translation>
    </message>
    <message>
        <source>The 4-bit algorithm identity: 0 EEA0/EIA0, 1 128-EEA1/EIA1, 2 128-EEA2/EIA2, 3 128-EEA3/EIA3.</source>
        <translation>Die 4-Bit-Algorithmusidentität: 0 EEA0/EIA0, 1 128-EEA1/EIA1, 2 128-EEA2/EIA2, 3 128-EEA3/EIA3.</translation>
    </message>
    <message>
        <source>KASME or KeNB (256 bits, hex):</source>
        <translation>KASME oder KeNB (256 Bit, hex):</translation>
    </message>
    <message>
        <source>Algorithm type:</source>
        <translation>Algorithmustyp:</translation>
    </message>
    <message>
        <source>Algorithm identity (0-15):</source>
        <translation>Algorithmusidentität (0-15):</translation>
    </message>
    <message>
        <source>&amp;Derive</source>
        <translation>&amp;Ableiten</translation>
    </message>
    <message>
        <source>Run the key derivation function (HMAC-SHA-256) on the inputs above.</source>
        <translation>Die Schlüsselableitungsfunktion (HMAC-SHA-256) auf die Eingaben oben anwenden.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>The KDF input string S = FC || P0 || L0 || P1 || L1 ...</source>
        <translation>Die KDF-Eingabezeichenkette S = FC || P0 || L0 || P1 || L1 ...</translation>
    </message>
    <message>
        <source>derived key</source>
        <translation>abgeleiteter Schlüssel</translation>
    </message>
    <message>
        <source>HMAC-SHA-256(key, S): 256 bits.</source>
        <translation>HMAC-SHA-256(Schlüssel, S): 256 Bit.</translation>
    </message>
    <message>
        <source>128-bit algorithm key</source>
        <translation>128-Bit-Algorithmusschlüssel</translation>
    </message>
    <message>
        <source>The 128-bit algorithm key: the last 16 octets of the KDF output.</source>
        <translation>Der 128-Bit-Algorithmusschlüssel: die letzten 16 Oktette der KDF-Ausgabe.</translation>
    </message>
    <message>
        <source>Input string S:</source>
        <translation>Eingabezeichenkette S:</translation>
    </message>
    <message>
        <source>128-bit key:</source>
        <translation>128-Bit-Schlüssel:</translation>
    </message>
    <message>
        <source>Derived %1.</source>
        <translation>%1 abgeleitet.</translation>
    </message>
    <message>
        <source>test vector “%1” (srsRAN unit tests)</source>
        <translation>Testvektor „%1“ (srsRAN-Unit-Tests)</translation>
    </message>
    <message>
        <source>(reserved identity)</source>
        <translation>(reservierte Identität)</translation>
    </message>
    <message>
        <source>KeNB</source>
        <translation>KeNB</translation>
    </message>
    <message>
        <source>NH</source>
        <translation>NH</translation>
    </message>
    <message>
        <source>KeNB*</source>
        <translation>KeNB*</translation>
    </message>
    <message>
        <source>KDF output</source>
        <translation>KDF-Ausgabe</translation>
    </message>
    <message>
        <source>%1 (256 bits):</source>
        <translation>%1 (256 Bit):</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::cryptolab::LabPage</name>
    <message>
        <source>Choose a test set…</source>
        <translation>Testsatz wählen…</translation>
    </message>
    <message>
        <source>⚠ The test sets could not be read (%1: %2).</source>
        <translation>⚠ Die Testsätze konnten nicht gelesen werden (%1: %2).</translation>
    </message>
    <message>
        <source>⚠ Invalid input: %1</source>
        <translation>⚠ Ungültige Eingabe: %1</translation>
    </message>
    <message>
        <source> from octet %1 on</source>
        <translation> ab Oktett %1</translation>
    </message>
    <message>
        <source> (expected %1)</source>
        <translation> (erwartet: %1)</translation>
    </message>
    <message>
        <source>%1: expected %2</source>
        <translation>%1: erwartet %2</translation>
    </message>
    <message>
        <source>all %1 outputs</source>
        <translation>alle %1 Ausgaben</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>✓ Matches %1: %2 as published.</source>
        <translation>✓ Stimmt mit %1 überein: %2 wie veröffentlicht.</translation>
    </message>
    <message>
        <source>✗ Differs from the published %1: </source>
        <translation>✗ Weicht vom veröffentlichten %1 ab: </translation>
    </message>
    <message>
        <source>%1 of %2 outputs (see the ✗ marks for the expected values)</source>
        <translation>%1 von %2 Ausgaben (die ✗-Markierungen zeigen die erwarteten Werte)</translation>
    </message>
    <message>
        <source> The inputs were edited after loading; choose the set again to restore them.</source>
        <translation> Die Eingaben wurden nach dem Laden bearbeitet; den Satz erneut wählen, um sie wiederherzustellen.</translation>
    </message>
    <message>
        <source>⚠ Cannot load %1: %2</source>
        <translation>⚠ %1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Inputs changed: press Enter or Compute to recompute.</source>
        <translation>Eingaben geändert: Eingabe oder Berechnen drücken, um neu zu rechnen.</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::cryptolab::MilenagePage</name>
    <message>
        <source>Load official test set:</source>
        <translation>Offiziellen Testsatz laden:</translation>
    </message>
    <message>
        <source>The MILENAGE test sets 1-20 of TS 35.207 and TS 35.208: choosing one fills the fields, computes and compares every output with the published one.</source>
        <translation>Die MILENAGE-Testsätze 1-20 aus TS 35.207 und TS 35.208: die Wahl eines Satzes füllt die Felder, rechnet und vergleicht jede Ausgabe mit der veröffentlichten.</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>The subscriber key K: 128 bits, 32 hex digits.</source>
        <translation>Der Teilnehmerschlüssel K: 128 Bit, 32 Hex-Ziffern.</translation>
    </message>
    <message>
        <source>OP</source>
        <translation>OP</translation>
    </message>
    <message>
        <source>Give OP</source>
        <translation>OP angeben</translation>
    </message>
    <message>
        <source>The operator variant algorithm configuration field OP: OPc is derived from it.</source>
        <translation>Das Konfigurationsfeld OP der Betreibervariante des Algorithmus: OPc wird daraus abgeleitet.</translation>
    </message>
    <message>
        <source>OPc</source>
        <translation>OPc</translation>
    </message>
    <message>
        <source>Give OPc</source>
        <translation>OPc angeben</translation>
    </message>
    <message>
        <source>OPc directly, as a USIM stores it (OPc = OP xor E_K(OP)).</source>
        <translation>OPc direkt, wie eine USIM es speichert (OPc = OP xor E_K(OP)).</translation>
    </message>
    <message>
        <source>RAND</source>
        <translation>RAND</translation>
    </message>
    <message>
        <source>The random challenge RAND: 128 bits, 32 hex digits.</source>
        <translation>Die Zufalls-Challenge RAND: 128 Bit, 32 Hex-Ziffern.</translation>
    </message>
    <message>
        <source>SQN</source>
        <translation>SQN</translation>
    </message>
    <message>
        <source>The sequence number SQN: 48 bits, 12 hex digits.</source>
        <translation>Die Sequenznummer SQN: 48 Bit, 12 Hex-Ziffern.</translation>
    </message>
    <message>
        <source>AMF</source>
        <translation>AMF</translation>
    </message>
    <message>
        <source>The authentication management field AMF: 16 bits, 4 hex digits.</source>
        <translation>Das Authentication Management Field AMF: 16 Bit, 4 Hex-Ziffern.</translation>
    </message>
    <message>
        <source>K (128 bits, hex):</source>
        <translation>K (128 Bit, hex):</translation>
    </message>
    <message>
        <source>Operator key given as:</source>
        <translation>Betreiberschlüssel angegeben als:</translation>
    </message>
    <message>
        <source>RAND (128 bits, hex):</source>
        <translation>RAND (128 Bit, hex):</translation>
    </message>
    <message>
        <source>SQN (48 bits, hex):</source>
        <translation>SQN (48 Bit, hex):</translation>
    </message>
    <message>
        <source>AMF (16 bits, hex):</source>
        <translation>AMF (16 Bit, hex):</translation>
    </message>
    <message>
        <source>&amp;Compute f1-f5*</source>
        <translation>f1-f5* &amp;berechnen</translation>
    </message>
    <message>
        <source>Run MILENAGE: OPc, then f1, f1*, f2, f3, f4, f5 and f5* for this challenge.</source>
        <translation>MILENAGE ausführen: OPc, dann f1, f1*, f2, f3, f4, f5 und f5* für diese Challenge.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>OPc:</source>
        <translation>OPc:</translation>
    </message>
    <message>
        <source>OPc = OP xor E_K(OP), 128 bits.</source>
        <translation>OPc = OP xor E_K(OP), 128 Bit.</translation>
    </message>
    <message>
        <source>f1</source>
        <translation>f1</translation>
    </message>
    <message>
        <source>f1 (MAC-A):</source>
        <translation>f1 (MAC-A):</translation>
    </message>
    <message>
        <source>f1: the network authentication code MAC-A (in AUTN).</source>
        <translation>f1: der Netzauthentisierungscode MAC-A (in AUTN).</translation>
    </message>
    <message>
        <source>f1*</source>
        <translation>f1*</translation>
    </message>
    <message>
        <source>f1* (MAC-S):</source>
        <translation>f1* (MAC-S):</translation>
    </message>
    <message>
        <source>f1*: the re-synchronisation code MAC-S.</source>
        <translation>f1*: der Resynchronisationscode MAC-S.</translation>
    </message>
    <message>
        <source>f2</source>
        <translation>f2</translation>
    </message>
    <message>
        <source>f2 (RES):</source>
        <translation>f2 (RES):</translation>
    </message>
    <message>
        <source>f2: the response RES / XRES, 64 bits.</source>
        <translation>f2: die Antwort RES / XRES, 64 Bit.</translation>
    </message>
    <message>
        <source>f3</source>
        <translation>f3</translation>
    </message>
    <message>
        <source>f3 (CK):</source>
        <translation>f3 (CK):</translation>
    </message>
    <message>
        <source>f3: the cipher key CK, 128 bits.</source>
        <translation>f3: der Chiffrierschlüssel CK, 128 Bit.</translation>
    </message>
    <message>
        <source>f4</source>
        <translation>f4</translation>
    </message>
    <message>
        <source>f4 (IK):</source>
        <translation>f4 (IK):</translation>
    </message>
    <message>
        <source>f4: the integrity key IK, 128 bits.</source>
        <translation>f4: der Integritätsschlüssel IK, 128 Bit.</translation>
    </message>
    <message>
        <source>f5</source>
        <translation>f5</translation>
    </message>
    <message>
        <source>f5 (AK):</source>
        <translation>f5 (AK):</translation>
    </message>
    <message>
        <source>f5: the anonymity key AK, 48 bits.</source>
        <translation>f5: der Anonymitätsschlüssel AK, 48 Bit.</translation>
    </message>
    <message>
        <source>f5*</source>
        <translation>f5*</translation>
    </message>
    <message>
        <source>f5* (AK for resync):</source>
        <translation>f5* (AK für Resync):</translation>
    </message>
    <message>
        <source>f5*: the anonymity key for re-synchronisation, 48 bits.</source>
        <translation>f5*: der Anonymitätsschlüssel für die Resynchronisation, 48 Bit.</translation>
    </message>
    <message>
        <source>Computed OPc and f1-f5*.</source>
        <translation>OPc und f1-f5* berechnet.</translation>
    </message>
    <message>
        <source>%1 (TS 35.207/35.208)</source>
        <translation>%1 (TS 35.207/35.208)</translation>
    </message>
    <message>
        <source>OP (128 bits, hex):</source>
        <translation>OP (128 Bit, hex):</translation>
    </message>
    <message>
        <source>OPc (128 bits, hex):</source>
        <translation>OPc (128 Bit, hex):</translation>
    </message>
    <message>
        <source>The operator variant algorithm configuration field OP: 128 bits, 32 hex digits.</source>
        <translation>Das Konfigurationsfeld OP der Betreibervariante des Algorithmus: 128 Bit, 32 Hex-Ziffern.</translation>
    </message>
    <message>
        <source>OPc, as stored on the USIM: 128 bits, 32 hex digits.</source>
        <translation>OPc, wie auf der USIM gespeichert: 128 Bit, 32 Hex-Ziffern.</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::cryptolab::OutputField</name>
    <message>
        <source> check</source>
        <translation> Prüfung</translation>
    </message>
    <message>
        <source>%1 equals the published value</source>
        <translation>%1 entspricht dem veröffentlichten Wert</translation>
    </message>
    <message>
        <source>%1 differs from the published value %2</source>
        <translation>%1 weicht vom veröffentlichten Wert %2 ab</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::cryptolab::ResultLine</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What was computed, and whether it matches the published test set; or what is wrong with the input.</source>
        <translation>Was berechnet wurde und ob es mit dem veröffentlichten Testsatz übereinstimmt; oder was an der Eingabe falsch ist.</translation>
    </message>
    <message>
        <source>Choose a test set, or enter values and press Enter.</source>
        <translation>Einen Testsatz wählen oder Werte eingeben und Eingabe drücken.</translation>
    </message>
</context>
<context>
    <name>mtcsec::ui::sessionreport::ReportText</name>
    <message>
        <source>&lt;p class=&quot;muted&quot;&gt;(no picture)&lt;/p&gt;</source>
        <translation>&lt;p class=&quot;muted&quot;&gt;(kein Bild)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Session report: </source>
        <translation>Sitzungsbericht: </translation>
    </message>
    <message>
        <source>&lt;p class=&quot;muted&quot;&gt;%1 · session report&lt;/p&gt;
</source>
        <translation>&lt;p class=&quot;muted&quot;&gt;%1 · Sitzungsbericht&lt;/p&gt;
</translation>
    </message>
    <message>
        <source> (LTE limit)</source>
        <translation> (LTE-Grenze)</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;small muted&quot;&gt;%1 MTC devices · %2 simulated · seed %3 · %4 attacks · %5 events&lt;/p&gt;
</source>
        <translation>&lt;p class=&quot;small muted&quot;&gt;%1 MTC-Geräte · %2 simuliert · Startwert %3 · %4 Angriffe · %5 Ereignisse&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;nav class=&quot;small&quot;&gt;Contents: &lt;a href=&quot;#scenario&quot;&gt;Scenario&lt;/a&gt; · &lt;a href=&quot;#requirements&quot;&gt;Requirements&lt;/a&gt; · &lt;a href=&quot;#protection&quot;&gt;Protection&lt;/a&gt; · &lt;a href=&quot;#timeline&quot;&gt;Timeline&lt;/a&gt; · &lt;a href=&quot;#attacks&quot;&gt;Attacks&lt;/a&gt; · &lt;a href=&quot;#traffic&quot;&gt;Traffic&lt;/a&gt; · &lt;a href=&quot;#charts&quot;&gt;Charts&lt;/a&gt; · &lt;a href=&quot;#examples&quot;&gt;Examples&lt;/a&gt;&lt;/nav&gt;
</source>
        <translation>&lt;nav class=&quot;small&quot;&gt;Inhalt: &lt;a href=&quot;#scenario&quot;&gt;Szenario&lt;/a&gt; · &lt;a href=&quot;#requirements&quot;&gt;Anforderungen&lt;/a&gt; · &lt;a href=&quot;#protection&quot;&gt;Schutz&lt;/a&gt; · &lt;a href=&quot;#timeline&quot;&gt;Zeitleiste&lt;/a&gt; · &lt;a href=&quot;#attacks&quot;&gt;Angriffe&lt;/a&gt; · &lt;a href=&quot;#traffic&quot;&gt;Verkehr&lt;/a&gt; · &lt;a href=&quot;#charts&quot;&gt;Diagramme&lt;/a&gt; · &lt;a href=&quot;#examples&quot;&gt;Beispiele&lt;/a&gt;&lt;/nav&gt;
</translation>
    </message>
    <message>
        <source>Scenario and reproduction</source>
        <translation>Szenario und Reproduktion</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>MTC devices</source>
        <translation>MTC-Geräte</translation>
    </message>
    <message>
        <source>Simulated time</source>
        <translation>Simulierte Zeit</translation>
    </message>
    <message>
        <source>%1 of %2 (the run was still going)</source>
        <translation>%1 von %2 (der Lauf ging noch weiter)</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <source>attach within %1; an uplink reading every %2; %3</source>
        <translation>Attach innerhalb von %1; ein Uplink-Messwert alle %2; %3</translation>
    </message>
    <message>
        <source>a downlink command every %1</source>
        <translation>ein Downlink-Befehl alle %1</translation>
    </message>
    <message>
        <source>no downlink commands</source>
        <translation>keine Downlink-Befehle</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>MCC %1, MNC %2</source>
        <translation>MCC %1, MNC %2</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Events logged</source>
        <translation>Protokollierte Ereignisse</translation>
    </message>
    <message>
        <source>Digest (SHA-256 of the event log)</source>
        <translation>Digest (SHA-256 des Ereignisprotokolls)</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <source>%1 of at most %2 devices (devices_per_cell), simulated independently: each its own eNB, links, NDS/IP security associations and attackers. Every count in this report is the sum over the cells, and the verdicts are evaluated from the sums.</source>
        <translation>%1 mit höchstens %2 Geräten (devices_per_cell), unabhängig simuliert: jede mit eigenem eNB, eigenen Verbindungen, NDS/IP-Sicherheitsassoziationen und Angreifern. Jede Zahl in diesem Bericht ist die Summe über die Zellen, und die Urteile ergeben sich aus den Summen.</translation>
    </message>
    <message>
        <source>Digest (SHA-256 over the cells&apos; event-log digests)</source>
        <translation>Digest (SHA-256 über die Digests der Ereignisprotokolle der Zellen)</translation>
    </message>
    <message>
        <source>Reproduce</source>
        <translation>Reproduzieren</translation>
    </message>
    <message>
        <source>Security requirements R1–R4</source>
        <translation>Sicherheitsanforderungen R1–R4</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each verdict comes from what the attacks did to real bytes in this run: &lt;b&gt;✓ met&lt;/b&gt; (attacked and held), &lt;b&gt;✗ violated&lt;/b&gt; (an attack succeeded), &lt;b&gt;– not-exercised&lt;/b&gt; (no attack touched it).&lt;/p&gt;
</source>
        <translation>&lt;p&gt;Jedes Urteil ergibt sich aus dem, was die Angriffe in diesem Lauf mit echten Bytes gemacht haben: &lt;b&gt;✓ erfüllt&lt;/b&gt; (angegriffen und gehalten), &lt;b&gt;✗ verletzt&lt;/b&gt; (ein Angriff war erfolgreich), &lt;b&gt;– nicht geprüft&lt;/b&gt; (kein Angriff berührte sie).&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;7%&quot;&gt;Req.&lt;/th&gt;&lt;th width=&quot;30%&quot;&gt;Requirement&lt;/th&gt;&lt;th width=&quot;15%&quot;&gt;Verdict&lt;/th&gt;&lt;th&gt;Evidence&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</source>
        <translation>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;7%&quot;&gt;Anf.&lt;/th&gt;&lt;th width=&quot;30%&quot;&gt;Anforderung&lt;/th&gt;&lt;th width=&quot;15%&quot;&gt;Urteil&lt;/th&gt;&lt;th&gt;Belege&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</translation>
    </message>
    <message>
        <source>&lt;br/&gt;&lt;span class=&quot;small&quot;&gt;LTE limit: only where LTE itself cannot protect&lt;/span&gt;</source>
        <translation>&lt;br/&gt;&lt;span class=&quot;small&quot;&gt;LTE-Grenze: nur dort, wo LTE selbst nicht schützen kann&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;br/&gt;&lt;span class=&quot;small&quot;&gt;but %1 genuine messages lost to attacks (collateral)&lt;/span&gt;</source>
        <translation>&lt;br/&gt;&lt;span class=&quot;small&quot;&gt;aber %1 echte Nachrichten durch Angriffe verloren (Kollateralschaden)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Since the last protection change, at %1:&lt;/b&gt; the verdicts over what happened after it only (attempts and losses counted when they happened).&lt;/p&gt;
</source>
        <translation>&lt;p&gt;&lt;b&gt;Seit der letzten Schutzänderung bei %1:&lt;/b&gt; die Urteile nur über das, was danach geschah (Versuche und Verluste gezählt, als sie geschahen).&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;7%&quot;&gt;Req.&lt;/th&gt;&lt;th width=&quot;15%&quot;&gt;Whole run&lt;/th&gt;&lt;th width=&quot;15%&quot;&gt;Since the change&lt;/th&gt;&lt;th&gt;Evidence since the change&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</source>
        <translation>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;7%&quot;&gt;Anf.&lt;/th&gt;&lt;th width=&quot;15%&quot;&gt;Ganzer Lauf&lt;/th&gt;&lt;th width=&quot;15%&quot;&gt;Seit der Änderung&lt;/th&gt;&lt;th&gt;Belege seit der Änderung&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</translation>
    </message>
    <message>
        <source>Network and protection in force</source>
        <translation>Netz und geltender Schutz</translation>
    </message>
    <message>
        <source>&lt;p&gt;The configuration in force at the end of the run%1. The red line of the contribution is the 3GPP network level (hop by hop), the blue line the application level (end to end).&lt;/p&gt;
</source>
        <translation>&lt;p&gt;Die am Ende des Laufs geltende Konfiguration%1. Die rote Linie des Beitrags ist die 3GPP-Netzebene (Abschnitt für Abschnitt), die blaue Linie die Anwendungsebene (Ende zu Ende).&lt;/p&gt;
</translation>
    </message>
    <message>
        <source> (it changed during the run: see the timeline)</source>
        <translation> (sie änderte sich während des Laufs: siehe die Zeitleiste)</translation>
    </message>
    <message>
        <source>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;13%&quot;&gt;Segment&lt;/th&gt;&lt;th width=&quot;25%&quot;&gt;Between&lt;/th&gt;&lt;th width=&quot;30%&quot;&gt;In force&lt;/th&gt;&lt;th&gt;Level&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</source>
        <translation>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;13%&quot;&gt;Segment&lt;/th&gt;&lt;th width=&quot;25%&quot;&gt;Zwischen&lt;/th&gt;&lt;th width=&quot;30%&quot;&gt;Geltend&lt;/th&gt;&lt;th&gt;Stufe&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</translation>
    </message>
    <message>
        <source>MTC device – MME (inside Uu and S1-MME)</source>
        <translation>MTC-Gerät – MME (innerhalb von Uu und S1-MME)</translation>
    </message>
    <message>
        <source>End to end</source>
        <translation>Ende zu Ende</translation>
    </message>
    <message>
        <source>MTC device – MTC server (application)</source>
        <translation>MTC-Gerät – MTC-Server (Anwendung)</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;small&quot;&gt;● confidentiality and integrity · ◐ one of the two · ○ no protection. LTE has no user-plane integrity on Uu.&lt;/p&gt;
</source>
        <translation>&lt;p class=&quot;small&quot;&gt;● Vertraulichkeit und Integrität · ◐ eines von beiden · ○ kein Schutz. LTE hat auf Uu keinen Integritätsschutz der Nutzerebene.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>The topology as drawn on the canvas</source>
        <translation>Die Topologie, wie auf der Zeichenfläche gezeichnet</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;caption&quot; align=&quot;center&quot;&gt;The topology as drawn on the canvas at the end of the run: protection on each line (solid and lock: confidentiality and integrity; dashed and shield: integrity only; dash-dot and struck lock: ciphering without integrity, as for user data on Uu; dotted and open lock: nothing) and the attackers with their counts.&lt;/p&gt;
</source>
        <translation>&lt;p class=&quot;caption&quot; align=&quot;center&quot;&gt;Die Topologie, wie sie am Ende des Laufs auf der Zeichenfläche gezeichnet war: der Schutz auf jeder Linie (durchgezogen mit Schloss: Vertraulichkeit und Integrität; gestrichelt mit Schild: nur Integrität; strichpunktiert mit durchgestrichenem Schloss: Verschlüsselung ohne Integrität, wie für Nutzdaten auf Uu; gepunktet mit offenem Schloss: nichts) und die Angreifer mit ihren Zählern.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;caption&quot; align=&quot;center&quot;&gt;Each of the %1 cells has these nodes and every attacker; the canvas draws them once, with the counts summed over the cells.&lt;/p&gt;
</source>
        <translation>&lt;p class=&quot;caption&quot; align=&quot;center&quot;&gt;Jede der %1 Zellen hat diese Knoten und jeden Angreifer; die Zeichenfläche zeigt sie einmal, mit den über die Zellen summierten Zählern.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>The first device&apos;s attach</source>
        <translation>Der Attach des ersten Geräts</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;caption&quot; align=&quot;center&quot;&gt;The attach of device 0 as a message sequence chart: %1&lt;/p&gt;
</source>
        <translation>&lt;p class=&quot;caption&quot; align=&quot;center&quot;&gt;Der Attach von Gerät 0 als Nachrichtensequenzdiagramm: %1&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;caption&quot; align=&quot;center&quot;&gt;Device 0 is in cell 0: this chart shows cell 0&apos;s PDUs.&lt;/p&gt;
</source>
        <translation>&lt;p class=&quot;caption&quot; align=&quot;center&quot;&gt;Gerät 0 liegt in Zelle 0: dieses Diagramm zeigt die PDUs von Zelle 0.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Timeline of configuration changes and attacks</source>
        <translation>Zeitleiste der Konfigurationsänderungen und Angriffe</translation>
    </message>
    <message>
        <source>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;12%&quot; class=&quot;num&quot;&gt;Time&lt;/th&gt;&lt;th&gt;What happened&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</source>
        <translation>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;12%&quot; class=&quot;num&quot;&gt;Zeit&lt;/th&gt;&lt;th&gt;Was geschah&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</translation>
    </message>
    <message>
        <source>Attacks</source>
        <translation>Angriffe</translation>
    </message>
    <message>
        <source>&lt;p&gt;No attack in this run.&lt;/p&gt;
</source>
        <translation>&lt;p&gt;Kein Angriff in diesem Lauf.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;p&gt;Attempts are the PDUs an attacker acted on (or, for an eavesdropper or insider, looked at); &lt;i&gt;blocked&lt;/i&gt; counts what protection stopped or kept secret, &lt;i&gt;succeeded&lt;/i&gt; what the attacker read or got accepted, &lt;i&gt;no effect&lt;/i&gt; the rest (attempts = blocked + succeeded + no effect). &lt;i&gt;Collateral&lt;/i&gt; counts the genuine messages lost because of what the attacker did (a PDCP COUNT its PDUs advanced, a forged Detach Request), beyond its own attempts.&lt;/p&gt;
</source>
        <translation>&lt;p&gt;Versuche sind die PDUs, auf die ein Angreifer eingewirkt hat (bzw. die ein Lauscher oder Insider angesehen hat); &lt;i&gt;abgewehrt&lt;/i&gt; zählt, was der Schutz gestoppt oder geheim gehalten hat, &lt;i&gt;erfolgreich&lt;/i&gt;, was der Angreifer gelesen oder angenommen bekommen hat, &lt;i&gt;ohne Wirkung&lt;/i&gt; den Rest (Versuche = abgewehrt + erfolgreich + ohne Wirkung). &lt;i&gt;Kollateral&lt;/i&gt; zählt die echten Nachrichten, die durch das Tun des Angreifers verloren gingen (ein PDCP COUNT, den seine PDUs weitergezählt haben, ein gefälschter Detach Request), über seine eigenen Versuche hinaus.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;7%&quot;&gt;Attack&lt;/th&gt;&lt;th width=&quot;12%&quot;&gt;Kind&lt;/th&gt;&lt;th width=&quot;15%&quot;&gt;Target&lt;/th&gt;&lt;th width=&quot;9%&quot; class=&quot;num&quot;&gt;Attempts&lt;/th&gt;&lt;th width=&quot;9%&quot; class=&quot;num&quot;&gt;Blocked&lt;/th&gt;&lt;th width=&quot;9%&quot; class=&quot;num&quot;&gt;Succeeded&lt;/th&gt;&lt;th width=&quot;8%&quot; class=&quot;num&quot;&gt;No effect&lt;/th&gt;&lt;th width=&quot;9%&quot; class=&quot;num&quot;&gt;Collateral&lt;/th&gt;&lt;th&gt;Read, or blocked by what&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</source>
        <translation>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;7%&quot;&gt;Angriff&lt;/th&gt;&lt;th width=&quot;12%&quot;&gt;Art&lt;/th&gt;&lt;th width=&quot;15%&quot;&gt;Ziel&lt;/th&gt;&lt;th width=&quot;9%&quot; class=&quot;num&quot;&gt;Versuche&lt;/th&gt;&lt;th width=&quot;9%&quot; class=&quot;num&quot;&gt;Abgewehrt&lt;/th&gt;&lt;th width=&quot;9%&quot; class=&quot;num&quot;&gt;Erfolgreich&lt;/th&gt;&lt;th width=&quot;8%&quot; class=&quot;num&quot;&gt;Ohne Wirkung&lt;/th&gt;&lt;th width=&quot;9%&quot; class=&quot;num&quot;&gt;Kollateral&lt;/th&gt;&lt;th&gt;Gelesen oder abgewehrt wodurch&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source> (removed)</source>
        <translation> (entfernt)</translation>
    </message>
    <message>
        <source>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;30%&quot;&gt;Application messages&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Sent&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Delivered (intact + altered)&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;of which altered&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Replayed copies accepted (in addition)&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Forged accepted (in addition)&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</source>
        <translation>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;30%&quot;&gt;Anwendungsnachrichten&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Gesendet&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Zugestellt (unverändert + verändert)&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;davon verändert&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Wiedereingespielte Kopien angenommen (zusätzlich)&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Gefälschte angenommen (zusätzlich)&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;Uplink readings (device → server)&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%1&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%2&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%3&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%4&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;–&lt;/td&gt;&lt;/tr&gt;
</source>
        <translation>&lt;tr&gt;&lt;td&gt;Uplink-Messwerte (Gerät → Server)&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%1&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%2&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%3&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%4&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;–&lt;/td&gt;&lt;/tr&gt;
</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;Downlink commands (server → device)&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%1&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%2&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%3&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%4&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%5&lt;/td&gt;&lt;/tr&gt;
</source>
        <translation>&lt;tr&gt;&lt;td&gt;Downlink-Befehle (Server → Gerät)&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%1&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%2&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%3&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%4&lt;/td&gt;&lt;td class=&quot;num&quot;&gt;%5&lt;/td&gt;&lt;/tr&gt;
</translation>
    </message>
    <message>
        <source>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;17%&quot;&gt;Dropped: integrity&lt;/th&gt;&lt;th width=&quot;17%&quot;&gt;Dropped: replay&lt;/th&gt;&lt;th width=&quot;17%&quot;&gt;Dropped: malformed&lt;/th&gt;&lt;th width=&quot;17%&quot;&gt;Dropped: other&lt;/th&gt;&lt;th width=&quot;16%&quot;&gt;Attach completed&lt;/th&gt;&lt;th&gt;Attach failed&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
&lt;tr&gt;</source>
        <translation>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;17%&quot;&gt;Verworfen: Integrität&lt;/th&gt;&lt;th width=&quot;17%&quot;&gt;Verworfen: Replay&lt;/th&gt;&lt;th width=&quot;17%&quot;&gt;Verworfen: fehlerhaft&lt;/th&gt;&lt;th width=&quot;17%&quot;&gt;Verworfen: sonstige&lt;/th&gt;&lt;th width=&quot;16%&quot;&gt;Attach abgeschlossen&lt;/th&gt;&lt;th&gt;Attach fehlgeschlagen&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
&lt;tr&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Message accounting.&lt;/b&gt; Every application message sent has exactly one fate; the fates of a direction add up to what it sent. &lt;i&gt;Collateral&lt;/i&gt;: a genuine message discarded because an attacker disturbed state (see the attacks&apos; collateral column).&lt;/p&gt;
</source>
        <translation>&lt;p&gt;&lt;b&gt;Nachrichtenbilanz.&lt;/b&gt; Jede gesendete Anwendungsnachricht hat genau ein Schicksal; die Schicksale einer Richtung ergeben zusammen, was sie gesendet hat. &lt;i&gt;Kollateral&lt;/i&gt;: eine echte Nachricht, verworfen, weil ein Angreifer Zustand gestört hat (siehe die Spalte Kollateral der Angriffe).&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;19%&quot;&gt;Direction&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Sent&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Delivered intact&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Delivered altered&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Dropped: integrity&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Dropped: replay&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Dropped: malformed&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Lost: collateral&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Dropped: other&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;In flight&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</source>
        <translation>
&lt;thead&gt;&lt;tr&gt;&lt;th width=&quot;19%&quot;&gt;Richtung&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Gesendet&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Unversehrt zugestellt&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Verändert zugestellt&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Verworfen: Integrität&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Verworfen: Replay&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Verworfen: fehlerhaft&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Verloren: Kollateral&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Verworfen: sonstige&lt;/th&gt;&lt;th class=&quot;num&quot;&gt;Unterwegs&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</translation>
    </message>
    <message>
        <source>Uplink readings</source>
        <translation>Uplink-Messwerte</translation>
    </message>
    <message>
        <source>Downlink commands</source>
        <translation>Downlink-Befehle</translation>
    </message>
    <message>
        <source>&lt;p&gt;Accepted in addition to what the peer sent (not deliveries): replayed copies %1, forged messages %2.&lt;/p&gt;
</source>
        <translation>&lt;p&gt;Angenommen zusätzlich zu dem, was die Gegenseite gesendet hat (keine Zustellungen): wiedereingespielte Kopien %1, gefälschte Nachrichten %2.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;muted&quot;&gt;(no charts)&lt;/p&gt;
</source>
        <translation>&lt;p class=&quot;muted&quot;&gt;(keine Diagramme)&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;p&gt;Traffic per link: PDUs per simulated second on each link, each link with its own line pattern. Attack outcomes: attempts blocked (solid), succeeded (dashed) and without effect (dotted), and genuine messages lost as collateral of attacks (dash-dot), cumulative; an eavesdropper or insider that reads a secret counts as succeeded, one that reads only ciphertext as blocked, one that reads nothing secret as without effect. PDU size: mean octets per PDU on the wire on each link over the last %1 (solid bars) and the whole run (hatched bars); what protection adds shows as the difference after it is switched on.&lt;/p&gt;
</source>
        <translation>&lt;p&gt;Verkehr je Verbindung: PDUs pro simulierter Sekunde auf jeder Verbindung, jede mit eigenem Linienmuster. Angriffsergebnisse: Versuche abgewehrt (durchgezogen), erfolgreich (gestrichelt) und ohne Wirkung (gepunktet) sowie echte Nachrichten, die als Kollateralschaden von Angriffen verloren gingen (strichpunktiert), kumuliert; ein Lauscher oder Insider, der ein Geheimnis liest, zählt als erfolgreich, einer, der nur Chiffretext liest, als abgewehrt, einer, der nichts Geheimes liest, als ohne Wirkung. PDU-Größe: mittlere Oktette je PDU auf der Leitung jeder Verbindung über die letzten %1 (volle Balken) und den ganzen Lauf (schraffierte Balken); was ein Schutz hinzufügt, zeigt sich als Differenz nach dem Einschalten.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each chart counts the PDUs, attempts and messages of all %1 cells together.&lt;/p&gt;
</source>
        <translation>&lt;p&gt;Jedes Diagramm zählt die PDUs, Versuche und Nachrichten aller %1 Zellen zusammen.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Attack examples</source>
        <translation>Angriffsbeispiele</translation>
    </message>
    <message>
        <source>&lt;p&gt;One PDU per attack, in hex as it was captured (before) and as the attacker sent it on (after), at most %1 octets. Octets that differ between the two are shown &lt;b&gt;&lt;u&gt;bold and underlined&lt;/u&gt;&lt;/b&gt;.&lt;/p&gt;
</source>
        <translation>&lt;p&gt;Eine PDU je Angriff, in Hex, wie sie mitgeschnitten wurde (vorher) und wie der Angreifer sie weitergesendet hat (nachher), höchstens %1 Oktette. Oktette, die sich unterscheiden, sind &lt;b&gt;&lt;u&gt;fett und unterstrichen&lt;/u&gt;&lt;/b&gt;.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Attack %1: %2 on %3&lt;/h3&gt;
</source>
        <translation>&lt;h3&gt;Angriff %1: %2 auf %3&lt;/h3&gt;
</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;muted&quot;&gt;No example: the attack acted on no message.&lt;/p&gt;
</source>
        <translation>&lt;p class=&quot;muted&quot;&gt;Kein Beispiel: der Angriff hat auf keine Nachricht eingewirkt.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;muted&quot;&gt;No example was recorded for this attack.&lt;/p&gt;
</source>
        <translation>&lt;p class=&quot;muted&quot;&gt;Für diesen Angriff wurde kein Beispiel aufgezeichnet.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>no device</source>
        <translation>kein Gerät</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation>Gerät %1</translation>
    </message>
    <message>
        <source>signalling</source>
        <translation>Signalisierung</translation>
    </message>
    <message>
        <source>user data</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>&lt;table border=&quot;1&quot; cellspacing=&quot;0&quot; cellpadding=&quot;4&quot;&gt;
&lt;thead&gt;&lt;tr&gt;&lt;th&gt;Before (%1 octets, as captured)&lt;/th&gt;</source>
        <translation>&lt;table border=&quot;1&quot; cellspacing=&quot;0&quot; cellpadding=&quot;4&quot;&gt;
&lt;thead&gt;&lt;tr&gt;&lt;th&gt;Vorher (%1 Oktette, wie mitgeschnitten)&lt;/th&gt;</translation>
    </message>
    <message>
        <source>&lt;th&gt;After (%1 octets, as sent on)%2&lt;/th&gt;</source>
        <translation>&lt;th&gt;Nachher (%1 Oktette, wie weitergesendet)%2&lt;/th&gt;</translation>
    </message>
    <message>
        <source>: an identical copy</source>
        <translation>: eine identische Kopie</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;small muted&quot;&gt;Written by %1 (%2 %3) on %4. The JSON report (schema mtcsec-report/1) of the same run holds every count above in machine-readable form.&lt;/p&gt;
</source>
        <translation>&lt;p class=&quot;small muted&quot;&gt;Geschrieben von %1 (%2 %3) am %4. Der JSON-Bericht (Schema mtcsec-report/1) desselben Laufs enthält jede Zahl oben in maschinenlesbarer Form.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>NDS/IP on every backhaul link</source>
        <translation>NDS/IP auf jeder Backhaul-Verbindung</translation>
    </message>
    <message>
        <source>NDS/IP off on every backhaul link</source>
        <translation>NDS/IP auf keiner Backhaul-Verbindung</translation>
    </message>
    <message>
        <source>NDS/IP on %1, off on %2</source>
        <translation>NDS/IP an auf %1, aus auf %2</translation>
    </message>
    <message>
        <source>on</source>
        <translation>auf</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>end to end </source>
        <translation>Ende zu Ende </translation>
    </message>
    <message>
        <source>the same configuration applied again</source>
        <translation>dieselbe Konfiguration erneut angewendet</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> Nachrichten</translation>
    </message>
    <message>
        <source>both directions</source>
        <translation>beide Richtungen</translation>
    </message>
    <message>
        <source> only</source>
        <translation> nur</translation>
    </message>
    <message>
        <source>%1 forgeries/s</source>
        <translation>%1 Fälschungen/s</translation>
    </message>
    <message>
        <source>rate %1&#xa0;%</source>
        <translation>Rate %1&#xa0;%</translation>
    </message>
    <message>
        <source>replays after %1</source>
        <translation>Wiedereinspielen nach %1</translation>
    </message>
    <message>
        <source>Seen: %1 signalling, %2 user-data PDUs</source>
        <translation>Gesehen: %1 Signalisierungs-, %2 Nutzdaten-PDUs</translation>
    </message>
    <message>
        <source>%1 IMSIs (%2 from initial Attach Requests)</source>
        <translation>%1 IMSIs (%2 aus ersten Attach Requests)</translation>
    </message>
    <message>
        <source>%1 IMSIs</source>
        <translation>%1 IMSIs</translation>
    </message>
    <message>
        <source>%1 NAS bodies</source>
        <translation>%1 NAS-Inhalte</translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation>%1 Schlüssel</translation>
    </message>
    <message>
        <source>%1 readings</source>
        <translation>%1 Messwerte</translation>
    </message>
    <message>
        <source>%1 commands</source>
        <translation>%1 Befehle</translation>
    </message>
    <message>
        <source>Read: </source>
        <translation>Gelesen: </translation>
    </message>
    <message>
        <source>nothing secret</source>
        <translation>nichts Geheimes</translation>
    </message>
    <message>
        <source>Ciphertext only: %1 PDUs</source>
        <translation>Nur Chiffretext: %1 PDUs</translation>
    </message>
    <message>
        <source>Signalling: %1 attacked, %2 blocked, %3 accepted</source>
        <translation>Signalisierung: %1 angegriffen, %2 abgewehrt, %3 angenommen</translation>
    </message>
    <message>
        <source>(%1 of them initial Attach Requests, which LTE cannot protect)</source>
        <translation>(%1 davon erste Attach Requests, die LTE nicht schützen kann)</translation>
    </message>
    <message>
        <source>User data: %1 attacked, %2 blocked, %3 accepted</source>
        <translation>Nutzdaten: %1 angegriffen, %2 abgewehrt, %3 angenommen</translation>
    </message>
    <message>
        <source>Blocked by: </source>
        <translation>Abgewehrt durch: </translation>
    </message>
    <message>
        <source>No message acted on</source>
        <translation>Auf keine Nachricht eingewirkt</translation>
    </message>
    <message>
        <source>No effect: </source>
        <translation>Ohne Wirkung: </translation>
    </message>
    <message>
        <source>%1&lt;br/&gt;&lt;span class=&quot;small&quot;&gt;%2 readings, %3 commands&lt;/span&gt;</source>
        <translation>%1&lt;br/&gt;&lt;span class=&quot;small&quot;&gt;%2 Messwerte, %3 Befehle&lt;/span&gt;</translation>
    </message>
    <message>
        <source>✓ met</source>
        <translation>✓ erfüllt</translation>
    </message>
    <message>
        <source>✗ violated</source>
        <translation>✗ verletzt</translation>
    </message>
    <message>
        <source>– not-exercised</source>
        <translation>– nicht geprüft</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;muted&quot;&gt;(no octets)&lt;/p&gt;</source>
        <translation>&lt;p class=&quot;muted&quot;&gt;(keine Oktette)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>
… %1 more octets not shown</source>
        <translation>
… %1 weitere Oktette nicht gezeigt</translation>
    </message>
    <message>
        <source>SCENARIO.json is this scenario&apos;s file: the one given to mtcsec run, or saved from the application (File, Save As); it holds the traffic, protection, attacks and timeline above, and the options give the duration, devices and cells as they were run.</source>
        <translation>SCENARIO.json ist die Datei dieses Szenarios: die an mtcsec run übergebene oder aus der Anwendung gespeicherte (Datei, Speichern unter); sie enthält den Verkehr, den Schutz, die Angriffe und die Zeitleiste oben, und die Optionen geben Dauer, Geräte und Zellen so an, wie sie liefen.</translation>
    </message>
    <message>
        <source>This run was changed %1 time(s) while it ran (see the timeline); the command replays the scenario as configured, without those changes, so its digest differs.</source>
        <translation>Dieser Lauf wurde während des Laufens %1-mal geändert (siehe die Zeitleiste); der Befehl spielt das Szenario wie konfiguriert ab, ohne diese Änderungen, daher weicht sein Digest ab.</translation>
    </message>
    <message>
        <source>The report was taken at %1 of the %2 the scenario runs for; a complete run has more events and another digest.</source>
        <translation>Der Bericht wurde bei %1 der %2 Laufzeit des Szenarios erstellt; ein vollständiger Lauf hat mehr Ereignisse und einen anderen Digest.</translation>
    </message>
    <message>
        <source>The same scenario and seed give the same digest on any machine.</source>
        <translation>Dasselbe Szenario und derselbe Startwert ergeben auf jedem Rechner denselben Digest.</translation>
    </message>
    <message>
        <source>Run starts with: </source>
        <translation>Der Lauf beginnt mit: </translation>
    </message>
    <message>
        <source>Protection changed: </source>
        <translation>Schutz geändert: </translation>
    </message>
    <message>
        <source>Protection changed (scenario timeline): </source>
        <translation>Schutz geändert (Zeitleiste des Szenarios): </translation>
    </message>
    <message>
        <source>Protection changed by the user: </source>
        <translation>Schutz vom Benutzer geändert: </translation>
    </message>
    <message>
        <source>Attacker %1 placed by the user</source>
        <translation>Angreifer %1 vom Benutzer platziert</translation>
    </message>
    <message>
        <source>Attacker %1 removed by the user</source>
        <translation>Angreifer %1 vom Benutzer entfernt</translation>
    </message>
    <message>
        <source>Attack %1 starts: %2</source>
        <translation>Angriff %1 beginnt: %2</translation>
    </message>
    <message>
        <source>Attack %1 stops</source>
        <translation>Angriff %1 endet</translation>
    </message>
    <message>
        <source>Report taken (the run goes on to %1)</source>
        <translation>Bericht erstellt (der Lauf geht weiter bis %1)</translation>
    </message>
    <message>
        <source>Run ends</source>
        <translation>Der Lauf endet</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF-Bericht</translation>
    </message>
    <message>
        <source>the PDF writer could not start</source>
        <translation>der PDF-Schreiber konnte nicht starten</translation>
    </message>
    <message>
        <source>%1 · session report · %2 · seed %3</source>
        <translation>%1 · Sitzungsbericht · %2 · Startwert %3</translation>
    </message>
    <message>
        <source>the PDF writer could not start page %1</source>
        <translation>der PDF-Schreiber konnte Seite %1 nicht beginnen</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>the PDF could not be completed</source>
        <translation>das PDF konnte nicht fertiggestellt werden</translation>
    </message>
    <message>
        <source>&lt;p&gt;End-to-end overhead, octets added to one reading (UDP payload) and per session set-up:&lt;/p&gt;
&lt;table border=&quot;1&quot; cellspacing=&quot;0&quot; cellpadding=&quot;4&quot;&gt;
&lt;thead&gt;&lt;tr&gt;&lt;th&gt;Mode&lt;/th&gt;&lt;th&gt;Per message&lt;/th&gt;&lt;th&gt;Per handshake&lt;/th&gt;&lt;th&gt;What&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</source>
        <translation>&lt;p&gt;Ende-zu-Ende-Overhead, Oktette, die eine Messung (UDP-Nutzlast) und jeder Sitzungsaufbau zusätzlich kosten:&lt;/p&gt;
&lt;table border=&quot;1&quot; cellspacing=&quot;0&quot; cellpadding=&quot;4&quot;&gt;
&lt;thead&gt;&lt;tr&gt;&lt;th&gt;Modus&lt;/th&gt;&lt;th&gt;Pro Nachricht&lt;/th&gt;&lt;th&gt;Pro Handshake&lt;/th&gt;&lt;th&gt;Was&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
</translation>
    </message>
    <message>
        <source>%1 in cell %2</source>
        <translation>%1 in Zelle %2</translation>
    </message>
</context>
</TS>
