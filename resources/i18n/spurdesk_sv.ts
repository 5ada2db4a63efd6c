<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
<context>
    <name>AboutDialog</name>
    <message numerus="yes">
        <source>%n kriteriefil(er) kunde inte läsas.</source>
        <translation>
            <numerusform>%n kriteriefil kunde inte läsas.</numerusform>
            <numerusform>%n kriteriefiler kunde inte läsas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActionPlanPage</name>
    <message numerus="yes">
        <source>%n brist(er) där åtgärder krävs saknar rad.</source>
        <translation>
            <numerusform>%n brist där åtgärder krävs saknar rad.</numerusform>
            <numerusform>%n brister där åtgärder krävs saknar rad.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n brist(er) där åtgärder rekommenderas har ingen rad; lägg till en om ni vill.</source>
        <translation>
            <numerusform>%n brist där åtgärder rekommenderas har ingen rad; lägg till en om ni vill.</numerusform>
            <numerusform>%n brister där åtgärder rekommenderas har ingen rad; lägg till en om ni vill.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message numerus="yes">
        <source>%n åtgärd(er) i handlingsplanen är försenade.</source>
        <translation>
            <numerusform>%n åtgärd i handlingsplanen är försenad.</numerusform>
            <numerusform>%n åtgärder i handlingsplanen är försenade.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <source>%n konflikt(er)</source>
        <translation>
            <numerusform>%n konflikt</numerusform>
            <numerusform>%n konflikter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ändring(ar)</source>
        <translation>
            <numerusform>%n ändring</numerusform>
            <numerusform>%n ändringar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n utan val; där behålls din version.</source>
        <translation>
            <numerusform>%n utan val; där behålls din version.</numerusform>
            <numerusform>%n utan val; där behålls din version.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n konflikt(er) har inget val.</source>
        <translation>
            <numerusform>%n konflikt har inget val.</numerusform>
            <numerusform>%n konflikter har inget val.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inspektion(er)</source>
        <translation>
            <numerusform>%n inspektion</numerusform>
            <numerusform>%n inspektioner</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NavigationModel</name>
    <message numerus="yes">
        <source>%n rad(er)</source>
        <translation>
            <numerusform>%n rad</numerusform>
            <numerusform>%n rader</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfficeSync</name>
    <message numerus="yes">
        <source>%n inspektion(er) med konflikter synkroniserades inte; de tas upp igen vid nästa synkronisering:</source>
        <translation>
            <numerusform>%n inspektion med konflikter synkroniserades inte; den tas upp igen vid nästa synkronisering:</numerusform>
            <numerusform>%n inspektioner med konflikter synkroniserades inte; de tas upp igen vid nästa synkronisering:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartView</name>
    <message numerus="yes">
        <source>%n enhet(er) har passerat tiden för nästa SPUR</source>
        <extracomment>After a list-level change (created, deleted, restored): re-read almost at once. After edits inside one inspection (autosave while typing in its window): re-read once the typing has paused, so a large library&apos;s list is not re-read every second of typing.</extracomment>
        <translation>
            <numerusform>%n enhet har passerat tiden för nästa SPUR</numerusform>
            <numerusform>%n enheter har passerat tiden för nästa SPUR</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n uppföljning(ar) av brister försenad(e)</source>
        <translation>
            <numerusform>%n uppföljning av brister försenad</numerusform>
            <numerusform>%n uppföljningar av brister försenade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n försenad(e) åtgärd(er) i handlingsplanerna</source>
        <translation>
            <numerusform>%n försenad åtgärd i handlingsplanerna</numerusform>
            <numerusform>%n försenade åtgärder i handlingsplanerna</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnitsModel</name>
    <message numerus="yes">
        <source>%n öppen/öppna</source>
        <translation>
            <numerusform>%n öppen</numerusform>
            <numerusform>%n öppna</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n försenad(e)</source>
        <translation>
            <numerusform>%n försenad</numerusform>
            <numerusform>%n försenade</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnitsWindow</name>
    <message numerus="yes">
        <source>%n enhet(er)</source>
        <translation>
            <numerusform>%n enhet</numerusform>
            <numerusform>%n enheter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n behöver åtgärdas</source>
        <translation>
            <numerusform>%n behöver åtgärdas</numerusform>
            <numerusform>%n behöver åtgärdas</numerusform>
        </translation>
    </message>
</context>
</TS>
