<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Om spurdesk</source>
        <translation>About spurdesk</translation>
    </message>
    <message>
        <source>(ersatt av en nyare version)</source>
        <translation>(superseded by a newer version)</translation>
    </message>
    <message>
        <source>inga</source>
        <translation>none</translation>
    </message>
    <message numerus="yes">
        <source>%n kriteriefil(er) kunde inte läsas.</source>
        <translation>
            <numerusform>%n criteria file could not be read.</numerusform>
            <numerusform>%n criteria files could not be read.</numerusform>
        </translation>
    </message>
    <message>
        <source>inget öppet</source>
        <translation>none open</translation>
    </message>
    <message>
        <source>(skrivskyddat)</source>
        <translation>(read-only)</translation>
    </message>
    <message>
        <source>SPUR-granskning av ST-utbildning: inspektörernas verktyg.</source>
        <translation>SPUR inspection of specialist training (ST): the inspectors&apos; tool.</translation>
    </message>
    <message>
        <source>Kriterieuppsättningar:</source>
        <translation>Criteria sets:</translation>
    </message>
    <message>
        <source>Bibliotek:</source>
        <translation>Library:</translation>
    </message>
</context>
<context>
    <name>ActionPlanModel</name>
    <message>
        <source>Avsnitt</source>
        <extracomment>The editor&apos;s columns, in the report&apos;s order; each is the model&apos;s ActionField (name, kind …).</extracomment>
        <translation>Section</translation>
    </message>
    <message>
        <source>Kriterium</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Besvarar även</source>
        <translation>Also answers</translation>
    </message>
    <message>
        <source>Planerad åtgärd</source>
        <translation>Planned action</translation>
    </message>
    <message>
        <source>Klart senast</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Följs upp av</source>
        <translation>Followed up by</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fler kriterier i avsnittet som raden besvarar</source>
        <translation>Further criteria of the section that the row answers</translation>
    </message>
    <message>
        <source>Ansvarig för genomförandet</source>
        <translation>Responsible for carrying it out</translation>
    </message>
    <message>
        <source>Ansvarig för uppföljningen</source>
        <translation>Responsible for the follow-up</translation>
    </message>
    <message>
        <source>Datum när åtgärden ska vara genomförd — ett datum eller t.ex. &quot;kontinuerligt&quot;</source>
        <translation>Date by which the action is to be completed — a date or e.g. &quot;kontinuerligt&quot; (continuously)</translation>
    </message>
    <message>
        <source>Datum för uppföljning — ett datum eller text</source>
        <translation>Follow-up date — a date or text</translation>
    </message>
</context>
<context>
    <name>ActionPlanPage</name>
    <message>
        <source>Handlingsplan</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>Handlingsplanens rader</source>
        <translation>Action plan rows</translation>
    </message>
    <message>
        <source>Skapa rader från brister</source>
        <translation>Create rows from deficiencies</translation>
    </message>
    <message>
        <source>Ny rad</source>
        <translation>New row</translation>
    </message>
    <message>
        <source>Ny rad (Insert)</source>
        <translation>New row (Insert)</translation>
    </message>
    <message>
        <source>Ta bort rad</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>Ta bort raden (Delete)</source>
        <translation>Remove the row (Delete)</translation>
    </message>
    <message numerus="yes">
        <source>%n brist(er) där åtgärder krävs saknar rad.</source>
        <translation>
            <numerusform>%n deficiency requiring action has no row.</numerusform>
            <numerusform>%n deficiencies requiring action have no row.</numerusform>
        </translation>
    </message>
    <message>
        <source>Varje brist där åtgärder krävs har en rad i handlingsplanen.</source>
        <translation>Every deficiency requiring action has a row in the action plan.</translation>
    </message>
    <message>
        <source>Inga brister där åtgärder krävs (ingen föreskrift ouppfylld i ett D).</source>
        <translation>No deficiency requires action (no regulation unmet in a section graded D).</translation>
    </message>
    <message numerus="yes">
        <source>%n brist(er) där åtgärder rekommenderas har ingen rad; lägg till en om ni vill.</source>
        <translation>
            <numerusform>%n deficiency where action is recommended has no row; add one if you wish.</numerusform>
            <numerusform>%n deficiencies where action is recommended have no row; add one if you wish.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lägger till en rad för varje brist där åtgärder krävs och som saknar en (Ctrl+Shift+G)</source>
        <translation>Adds a row for every deficiency requiring action that lacks one (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <source>Ändra rad i handlingsplanen</source>
        <translation>Edit action plan row</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Avbryter …</source>
        <translation>Cancelling …</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>Jämförelse med föregående SPUR-inspektion</source>
        <translation>Comparison with the previous SPUR inspection</translation>
    </message>
    <message>
        <source>Brist (kriterium)</source>
        <translation>Deficiency (criterion)</translation>
    </message>
    <message>
        <source>Då</source>
        <translation>Then</translation>
    </message>
    <message>
        <source>Nu</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Bedömning</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>Brister då och nu</source>
        <translation>Deficiencies then and now</translation>
    </message>
    <message>
        <source>Graderingar vid föregående SPUR-inspektion (%1) och nu.</source>
        <translation>Grades at the previous SPUR inspection (%1) and now.</translation>
    </message>
    <message>
        <source>Graderingar vid föregående SPUR-inspektion och nu.</source>
        <translation>Grades at the previous SPUR inspection and now.</translation>
    </message>
    <message>
        <source>Föregående SPUR</source>
        <translation>Previous SPUR</translation>
    </message>
    <message>
        <source>Gradering</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Avsnitt</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Diagram över graderingar: %1</source>
        <translation>Chart of the grades: %1</translation>
    </message>
    <message>
        <source>Föregående inspektion finns inte i biblioteket, så dess brister kan inte följas upp här.</source>
        <translation>The previous inspection is not in the library, so its deficiencies cannot be followed up here.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>spurdesk – ett oväntat fel</source>
        <translation>spurdesk – an unexpected error</translation>
    </message>
    <message>
        <source>Ett oväntat fel inträffade. Ditt arbete är sparat.</source>
        <translation>An unexpected error occurred. Your work is saved.</translation>
    </message>
    <message>
        <source>Rapporten har sparats i {path}.</source>
        <translation>The report has been saved in {path}.</translation>
    </message>
    <message>
        <source>Rapporten kunde inte sparas till fil; kopiera den härifrån.</source>
        <translation>The report could not be saved to a file; copy it from here.</translation>
    </message>
    <message>
        <source>Du kan fortsätta arbeta, men om något beter sig konstigt är det säkrast att avsluta och starta om. Skicka gärna rapporten nedan till supporten.</source>
        <translation>You can go on working, but if anything behaves strangely it is safest to quit and start again. Please send the report below to support.</translation>
    </message>
    <message>
        <source>&amp;Kopiera rapporten</source>
        <translation>&amp;Copy the report</translation>
    </message>
    <message>
        <source>&amp;Fortsätt</source>
        <translation>C&amp;ontinue</translation>
    </message>
    <message>
        <source>&amp;Avsluta spurdesk</source>
        <translation>&amp;Quit spurdesk</translation>
    </message>
    <message>
        <source>Felrapport</source>
        <translation>Error report</translation>
    </message>
    <message>
        <source>Kopiera rapporten</source>
        <translation>Copy the report</translation>
    </message>
    <message>
        <source>Fortsätt</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Avsluta spurdesk</source>
        <translation>Quit spurdesk</translation>
    </message>
</context>
<context>
    <name>CriteriaModel</name>
    <message>
        <source>Kriterium</source>
        <extracomment>The criterion id of a criterion row (None on group rows).</extracomment>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Tangenterna 1–4 väljer Uppfyllt, Delvis, Ej uppfyllt, Ej bedömt</source>
        <translation>Keys 1–4 choose Met, Partly met, Not met, Not assessed</translation>
    </message>
</context>
<context>
    <name>DateTextEdit</name>
    <message>
        <source>Välj datum i en kalender (F4)</source>
        <translation>Choose a date in a calendar (F4)</translation>
    </message>
    <message>
        <source>Välj datum</source>
        <translation>Choose date</translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
</context>
<context>
    <name>EditConflictDialog</name>
    <message>
        <source>Någon annan har ändrat samma sak</source>
        <translation>Someone else has changed the same thing</translation>
    </message>
    <message>
        <source>Någon annan sparade {what} medan du arbetade. Ingen av ändringarna har skrivits över. Jämför och välj vilken som ska gälla.</source>
        <translation>Someone else saved {what} while you were working. Neither change has been overwritten. Compare them and choose which one stands.</translation>
    </message>
    <message>
        <source>Sparat av någon annan</source>
        <translation>Saved by someone else</translation>
    </message>
    <message>
        <source>Din version</source>
        <translation>Your version</translation>
    </message>
    <message>
        <source>bara i den andra</source>
        <translation>only in the other</translation>
    </message>
    <message>
        <source>bara i din</source>
        <translation>only in yours</translation>
    </message>
    <message>
        <source>Behåll min text</source>
        <translation>Keep my text</translation>
    </message>
    <message>
        <source>Använd den andra</source>
        <translation>Use the other</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>FactCheck</name>
    <message>
        <source>Faktafel</source>
        <translation>Factual error</translation>
    </message>
    <message>
        <source>Saknad uppgift</source>
        <translation>Missing information</translation>
    </message>
    <message>
        <source>Övrigt</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Inget beslut</source>
        <translation>No decision</translation>
    </message>
    <message>
        <source>Godtagen</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Avvisad</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>FactCheckReviewDialog</name>
    <message>
        <source>Verksamhetens kommentarer på utkastet. Godta en kommentar (texten till höger förs in som avsnittets nya text; ändra den först om det behövs) eller avvisa den med ett kort skäl. Besluten sparas direkt och kan exporteras som protokoll.</source>
        <translation>The unit&apos;s comments on the draft. Accept a comment (the text on the right becomes the section&apos;s new text; edit it first if needed) or reject it with a short reason. Decisions are saved at once and can be exported as a record.</translation>
    </message>
    <message>
        <source>Avsnitt</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Beslut</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Exportera protokoll…</source>
        <translation>Export record…</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Inaktuell: den citerade meningen finns inte längre i avsnittets text. Kommentaren visas ändå; pröva den mot texten som den ser ut nu.</source>
        <translation>Out of date: the quoted sentence is no longer in the section&apos;s text. The comment is still shown; weigh it against the text as it stands now.</translation>
    </message>
    <message>
        <source>Godta och för in texten</source>
        <translation>Accept and apply the text</translation>
    </message>
    <message>
        <source>Skäl (krävs för att avvisa)</source>
        <translation>Reason (required to reject)</translation>
    </message>
    <message>
        <source>Avvisa</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Avsnittets text nu</source>
        <translation>The section&apos;s text now</translation>
    </message>
    <message>
        <source>Ny text om kommentaren godtas</source>
        <translation>New text if the comment is accepted</translation>
    </message>
    <message>
        <source>Sakgranskning – %1</source>
        <translation>Fact check – %1</translation>
    </message>
    <message>
        <source>inaktuell</source>
        <translation>out of date</translation>
    </message>
    <message>
        <source>hela avsnittet</source>
        <translation>the whole section</translation>
    </message>
    <message>
        <source>Föreslagen lydelse: %1</source>
        <translation>Proposed wording: %1</translation>
    </message>
    <message>
        <source>Verksamhetens skäl: %1</source>
        <translation>The unit&apos;s reason: %1</translation>
    </message>
    <message>
        <source>Beslut: %1 (%2)</source>
        <translation>Decision: %1 (%2)</translation>
    </message>
    <message>
        <source>Beslutet kunde inte sparas</source>
        <translation>The decision could not be saved</translation>
    </message>
</context>
<context>
    <name>FactCheckWindow</name>
    <message>
        <source>Sakgranskning – %1 (verksamhetens läge)</source>
        <translation>Fact check – %1 (unit mode)</translation>
    </message>
    <message>
        <source>Rapporten är ett UTKAST. Läs texten avsnitt för avsnitt och kommentera det som är fel eller saknas: välj gärna meningen det gäller, skriv den lydelse ni föreslår och varför. Texten, graderingarna och kriterierna kan inte ändras här.</source>
        <translation>The report is a DRAFT. Read the text section by section and comment on what is wrong or missing: choose the sentence it concerns if you can, write the wording you propose and why. The text, the grades and the criteria cannot be changed here.</translation>
    </message>
    <message>
        <source>Skicka synpunkterna till inspektörerna senast %1.</source>
        <translation>Send your comments to the inspectors by %1.</translation>
    </message>
    <message>
        <source>Inspektörerna har inte angett när synpunkterna ska vara inskickade.</source>
        <translation>The inspectors have not said by when the comments are due.</translation>
    </message>
    <message>
        <source>Utkastets text</source>
        <translation>The draft&apos;s text</translation>
    </message>
    <message>
        <source>Kommentaren gäller</source>
        <translation>The comment concerns</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Föreslagen lydelse</source>
        <translation>Proposed wording</translation>
    </message>
    <message>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Lägg till kommentar</source>
        <translation>Add comment</translation>
    </message>
    <message>
        <source>Ta bort kommentar</source>
        <translation>Remove comment</translation>
    </message>
    <message>
        <source>Kommentarer till avsnittet</source>
        <translation>Comments on the section</translation>
    </message>
    <message>
        <source>Spara utkast…</source>
        <translation>Save draft…</translation>
    </message>
    <message>
        <source>Spara arbetet för att fortsätta senare; utkastet kan inte importeras.</source>
        <translation>Save the work to continue later; a draft cannot be imported.</translation>
    </message>
    <message>
        <source>Exportera svar…</source>
        <translation>Export response…</translation>
    </message>
    <message>
        <source>(Avsnittet har ingen text.)</source>
        <translation>(The section has no text.)</translation>
    </message>
    <message>
        <source>Hela avsnittet</source>
        <translation>The whole section</translation>
    </message>
    <message>
        <source>Föreslås: %1</source>
        <translation>Proposed: %1</translation>
    </message>
    <message>
        <source>Skäl: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Kommentaren kan inte sparas</source>
        <translation>The comment cannot be saved</translation>
    </message>
    <message>
        <source>Spara utkast</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Exportera svar</source>
        <translation>Export response</translation>
    </message>
    <message>
        <source>spurdesk-paket (*.spur)</source>
        <translation>spurdesk packages (*.spur)</translation>
    </message>
    <message>
        <source>Stäng utan att spara?</source>
        <translation>Close without saving?</translation>
    </message>
    <message>
        <source>Kommentarerna har inte sparats eller exporterats och går förlorade.</source>
        <translation>The comments have not been saved or exported and will be lost.</translation>
    </message>
    <message>
        <source>Paketet kan inte öppnas</source>
        <translation>The package cannot be opened</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <source>Försenade uppföljningar</source>
        <translation>Overdue follow-ups</translation>
    </message>
    <message>
        <source>Uppföljning inom 30 dagar</source>
        <translation>Follow-up within 30 days</translation>
    </message>
    <message>
        <source>Senare uppföljningar</source>
        <translation>Later follow-ups</translation>
    </message>
    <message>
        <source>Uppföljning utan datum</source>
        <translation>Follow-up without a date</translation>
    </message>
    <message>
        <source>Ansvarig (del av namn)</source>
        <translation>Responsible (part of name)</translation>
    </message>
    <message>
        <source>Visa verifierade</source>
        <translation>Show verified</translation>
    </message>
    <message>
        <source>Verksamhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Kriterium</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Planerad åtgärd</source>
        <translation>Planned action</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Markera genomförd…</source>
        <translation>Mark as done…</translation>
    </message>
    <message>
        <source>Markera verifierad…</source>
        <translation>Mark as verified…</translation>
    </message>
    <message>
        <source>Exportera CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Exportera Word…</source>
        <translation>Export Word…</translation>
    </message>
    <message>
        <source>Uppföljning av brister mot föreskrifterna (inom sex månader)</source>
        <translation>Follow-up of deficiencies against regulations (within six months)</translation>
    </message>
    <message>
        <source>Läge</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Senast</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Intern granskning</source>
        <translation>Internal review</translation>
    </message>
    <message>
        <source>Skriftlig rapport</source>
        <translation>Written report</translation>
    </message>
    <message>
        <source>Intern granskning inkommen…</source>
        <translation>Internal review received…</translation>
    </message>
    <message>
        <source>Skriftlig rapport inkommen…</source>
        <translation>Written report received…</translation>
    </message>
    <message>
        <source>Uppföljningslistan kan inte läsas</source>
        <translation>The follow-up list cannot be read</translation>
    </message>
    <message>
        <source>Alla verksamheter</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>Handlingsplaner som inte har inkommit (%1)</source>
        <translation>Action plans not yet received (%1)</translation>
    </message>
    <message>
        <source>Handlingsplanen är begärd men har inte inkommit.</source>
        <translation>The action plan has been requested but has not arrived.</translation>
    </message>
    <message>
        <source>⚠ försenad</source>
        <translation>⚠ overdue</translation>
    </message>
    <message>
        <source>väntas</source>
        <translation>awaited</translation>
    </message>
    <message>
        <source>%1 försenade uppföljningar</source>
        <translation>%1 overdue follow-ups</translation>
    </message>
    <message>
        <source>%1 handlingsplaner har inte inkommit i tid</source>
        <translation>%1 action plans have not arrived in time</translation>
    </message>
    <message>
        <source>Ingen åtgärd vald</source>
        <translation>No action selected</translation>
    </message>
    <message>
        <source>Välj en åtgärd i listan först.</source>
        <translation>Choose an action in the list first.</translation>
    </message>
    <message>
        <source>Markera verifierad</source>
        <translation>Mark as verified</translation>
    </message>
    <message>
        <source>Markera genomförd</source>
        <translation>Mark as done</translation>
    </message>
    <message>
        <source>Åtgärden kan inte markeras</source>
        <translation>The action cannot be marked</translation>
    </message>
    <message>
        <source>saknas</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>inkom %1</source>
        <translation>received %1</translation>
    </message>
    <message>
        <source>✓ Klar</source>
        <translation>✓ Done</translation>
    </message>
    <message>
        <source>Försenad</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Inom 30 dagar</source>
        <translation>Within 30 days</translation>
    </message>
    <message>
        <source>Pågår</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Ingen uppföljning vald</source>
        <translation>No follow-up selected</translation>
    </message>
    <message>
        <source>Välj en uppföljning av brister i listan först.</source>
        <translation>Select a follow-up of deficiencies in the list first.</translation>
    </message>
    <message>
        <source>Intern granskning inkommen</source>
        <translation>Internal review received</translation>
    </message>
    <message>
        <source>Skriftlig rapport inkommen</source>
        <translation>Written report received</translation>
    </message>
    <message>
        <source>Mottagningen kan inte registreras</source>
        <translation>The receipt cannot be recorded</translation>
    </message>
    <message>
        <source>CSV-fil (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>Word-dokument (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Exportera uppföljningslistan</source>
        <translation>Export the follow-up list</translation>
    </message>
    <message>
        <source>Listan kan inte exporteras</source>
        <translation>The list cannot be exported</translation>
    </message>
</context>
<context>
    <name>GradeReason</name>
    <message>
        <source>Föreskrift %1 är inte uppfylld.</source>
        <extracomment>Every sentence, marked for lupdate and translated when shown; keyed by what decides it (a criterion&apos;s kind and degree, the groups met and whether all were assessed, a problem …).</extracomment>
        <translation>Regulation %1 is not met.</translation>
    </message>
    <message>
        <source>Föreskrift %1 är delvis uppfylld.</source>
        <translation>Regulation %1 is partly met.</translation>
    </message>
    <message>
        <source>Allmänt råd %1 är inte uppfyllt.</source>
        <translation>General advice %1 is not met.</translation>
    </message>
    <message>
        <source>Allmänt råd %1 är delvis uppfyllt.</source>
        <translation>General advice %1 is partly met.</translation>
    </message>
    <message>
        <source>Kvalitetsindikator %1 är inte uppfylld.</source>
        <translation>Quality indicator %1 is not met.</translation>
    </message>
    <message>
        <source>Kvalitetsindikator %1 är delvis uppfylld.</source>
        <translation>Quality indicator %1 is partly met.</translation>
    </message>
    <message>
        <source>Föreskrifterna är uppfyllda.</source>
        <translation>The regulations are met.</translation>
    </message>
    <message>
        <source>De bedömda föreskrifterna är uppfyllda.</source>
        <translation>The regulations assessed are met.</translation>
    </message>
    <message>
        <source>De allmänna råden är uppfyllda.</source>
        <translation>The general advice is met.</translation>
    </message>
    <message>
        <source>De bedömda allmänna råden är uppfyllda.</source>
        <translation>The general advice assessed is met.</translation>
    </message>
    <message>
        <source>Föreskrifterna och de allmänna råden är uppfyllda.</source>
        <translation>The regulations and the general advice are met.</translation>
    </message>
    <message>
        <source>De bedömda föreskrifterna och allmänna råden är uppfyllda.</source>
        <translation>The regulations and general advice assessed are met.</translation>
    </message>
    <message>
        <source>Kvalitetsindikatorerna är uppfyllda.</source>
        <translation>The quality indicators are met.</translation>
    </message>
    <message>
        <source>De bedömda kvalitetsindikatorerna är uppfyllda.</source>
        <translation>The quality indicators assessed are met.</translation>
    </message>
    <message>
        <source>Inget kriterium är bedömt ännu.</source>
        <translation>No criterion has been assessed yet.</translation>
    </message>
    <message>
        <source>Kvalitetsindikatorerna %1 är inte uppfyllda</source>
        <translation>Quality indicators %1 are not met</translation>
    </message>
    <message>
        <source>Kvalitetsindikatorerna %1 är delvis uppfyllda</source>
        <translation>Quality indicators %1 are partly met</translation>
    </message>
    <message>
        <source>Kvalitetsindikatorerna %1 är inte eller bara delvis uppfyllda</source>
        <translation>Quality indicators %1 are not or only partly met</translation>
    </message>
    <message>
        <source>för A medges högst %1 undantag.</source>
        <translation>grade A allows at most %1 exception(s).</translation>
    </message>
    <message>
        <source>för A medges inga undantag.</source>
        <translation>grade A allows no exceptions.</translation>
    </message>
    <message>
        <source>Skalan för avsnitt %1 saknar %2; närmaste sämre steg är %3.</source>
        <translation>The scale of section %1 has no %2; the nearest worse step is %3.</translation>
    </message>
    <message>
        <source>Preliminärt: kriterium %1 är inte bedömt; förslaget förutsätter att det är uppfyllt och kan bli sämre.</source>
        <translation>Provisional: criterion %1 is not assessed; the suggestion assumes it is met and may get worse.</translation>
    </message>
    <message>
        <source>Preliminärt: kriterierna %1 är inte bedömda; förslaget förutsätter att de är uppfyllda och kan bli sämre.</source>
        <translation>Provisional: criteria %1 are not assessed; the suggestion assumes they are met and may get worse.</translation>
    </message>
    <message>
        <source>Kriterium %1 är inte bedömt men kan inte ändra förslaget.</source>
        <translation>Criterion %1 is not assessed but cannot change the suggestion.</translation>
    </message>
    <message>
        <source>Kriterierna %1 är inte bedömda men kan inte ändra förslaget.</source>
        <translation>Criteria %1 are not assessed but cannot change the suggestion.</translation>
    </message>
    <message>
        <source>%1 eller %2</source>
        <translation>%1 or %2</translation>
    </message>
    <message>
        <source>Avsnittet har ingen gradering från granskningen att ändra.</source>
        <translation>The section has no grade from the inspection to revise.</translation>
    </message>
    <message>
        <source>En gradering kan ändras först när handlingsplanen har inkommit (status %1).</source>
        <translation>A grade can be revised only once the action plan has arrived (status %1).</translation>
    </message>
    <message>
        <source>Bara graderingen %1 kan ändras efter handlingsplan, inte %2.</source>
        <translation>Only grade %1 can be revised after an action plan, not %2.</translation>
    </message>
    <message>
        <source>Granskningen påvisade inga brister mot föreskrifter eller allmänna råd här.</source>
        <translation>The inspection found no deficiency against regulations or general advice here.</translation>
    </message>
    <message>
        <source>Ingen ifylld rad i handlingsplanen besvarar en brist i avsnittet.</source>
        <translation>No filled-in row of the action plan answers a deficiency of the section.</translation>
    </message>
</context>
<context>
    <name>GradeSelector</name>
    <message>
        <source>Gradering %1</source>
        <translation>Grade %1</translation>
    </message>
    <message>
        <source> (föreslagen)</source>
        <translation> (suggested)</translation>
    </message>
    <message>
        <source>Ingen</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Ingen gradering</source>
        <translation>No grade</translation>
    </message>
    <message>
        <source>Inte graderat ännu.</source>
        <translation>Not graded yet.</translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message>
        <source>&amp;Ångra</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Gör om</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Stäng fönstret</source>
        <translation>&amp;Close window</translation>
    </message>
    <message>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Gå till</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Navigeringen</source>
        <translation>&amp;Navigation</translation>
    </message>
    <message>
        <source>&amp;Exportera</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <source>Rapport som &amp;Word…</source>
        <translation>Report as &amp;Word…</translation>
    </message>
    <message>
        <source>Rapport som &amp;PDF…</source>
        <translation>Report as &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Handlingsplan som Word…</source>
        <translation>&amp;Action plan as Word…</translation>
    </message>
    <message>
        <source>&amp;Verksamheten</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source>&amp;Skicka handlingsplanen till verksamheten…</source>
        <translation>&amp;Send the action plan to the unit…</translation>
    </message>
    <message>
        <source>Handlingsplanen som ifyllbart &amp;Word-formulär…</source>
        <translation>The action plan as a fillable &amp;Word form…</translation>
    </message>
    <message>
        <source>&amp;Importera svar från verksamheten…</source>
        <translation>&amp;Import the unit&apos;s response…</translation>
    </message>
    <message>
        <source>Sa&amp;kgranskning</source>
        <translation>Fact chec&amp;k</translation>
    </message>
    <message>
        <source>&amp;Skicka utkast för sakgranskning…</source>
        <translation>&amp;Send the draft for fact check…</translation>
    </message>
    <message>
        <source>Sakgranskning som &amp;Word-formulär…</source>
        <translation>Fact check as a &amp;Word form…</translation>
    </message>
    <message>
        <source>&amp;Importera sakgranskning…</source>
        <translation>&amp;Import fact check…</translation>
    </message>
    <message>
        <source>&amp;Granska kommentarer…</source>
        <translation>&amp;Review comments…</translation>
    </message>
    <message>
        <source>&amp;Exportera sakgranskningsprotokoll…</source>
        <translation>&amp;Export fact-check record…</translation>
    </message>
    <message>
        <source>Medinspek&amp;tör</source>
        <translation>&amp;Co-inspector</translation>
    </message>
    <message>
        <source>&amp;Skicka till medinspektör…</source>
        <translation>&amp;Send to co-inspector…</translation>
    </message>
    <message>
        <source>&amp;Ta emot kopia…</source>
        <translation>&amp;Receive a copy…</translation>
    </message>
    <message>
        <source>Navigering</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>%1 – spurdesk</source>
        <translation>%1 – spurdesk</translation>
    </message>
    <message>
        <source> (skrivskyddad)</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>Sparat %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Kopian sparades: %1</source>
        <translation>Copy saved: %1</translation>
    </message>
    <message>
        <source>Kopian från %1 är sammanslagen.</source>
        <translation>The copy from %1 has been merged.</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <source>Gradering avsnitt {section} (efter eventuell revidering)</source>
        <translation>Grade of section {section} (after any revision)</translation>
    </message>
    <message>
        <source>Verksamhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Sjukhus / vårdcentral</source>
        <translation>Hospital / health centre</translation>
    </message>
    <message>
        <source>Specialitet</source>
        <translation>Specialty</translation>
    </message>
    <message>
        <source>Besöksdatum</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nästa uppföljning</source>
        <translation>Next follow-up</translation>
    </message>
    <message>
        <source>Borttagen</source>
        <translation>Deleted</translation>
    </message>
    <message numerus="yes">
        <source>%n åtgärd(er) i handlingsplanen är försenade.</source>
        <translation>
            <numerusform>%n action in the action plan is overdue.</numerusform>
            <numerusform>%n actions in the action plan are overdue.</numerusform>
        </translation>
    </message>
    <message>
        <source>Avsnitt {section}: {grade}</source>
        <translation>Section {section}: {grade}</translation>
    </message>
    <message>
        <source>ej graderat</source>
        <translation>not graded</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sparat {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <source>Säkerhetskopian kunde inte göras: {problem}</source>
        <translation>The backup could not be made: {problem}</translation>
    </message>
    <message>
        <source>Kontorets bibliotek (server)</source>
        <translation>Office library (server)</translation>
    </message>
    <message>
        <source>(skrivskyddat)</source>
        <translation>(read-only)</translation>
    </message>
    <message>
        <source>Server: {address}</source>
        <translation>Server: {address}</translation>
    </message>
    <message>
        <source>Kontorets gemensamma bibliotek på databasservern: flera kan arbeta i det samtidigt, och varje ändring sparas direkt på servern. Det säkerhetskopieras på servern (pg_dump), inte av spurdesk, och låses inte för andra.</source>
        <translation>The office&apos;s shared library on the database server: several people can work in it at once, and every change is saved on the server at once. It is backed up on the server (pg_dump), not by spurdesk, and is not locked for others.</translation>
    </message>
    <message>
        <source>Skrivskyddat</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>Ett annat program använder biblioteket; ändringar kan inte sparas.</source>
        <translation>Another program is using the library; changes cannot be saved.</translation>
    </message>
    <message>
        <source>Uppföljning – spurdesk</source>
        <translation>Follow-up – spurdesk</translation>
    </message>
    <message>
        <source>Öppna eller skapa bibliotek</source>
        <translation>Open or create library</translation>
    </message>
    <message>
        <source>spurdesk-bibliotek (*.sqlite *.spurdesk *.db);;Alla filer (*)</source>
        <translation>spurdesk libraries (*.sqlite *.spurdesk *.db);;All files (*)</translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <extracomment>How long after a library has opened its full check starts (the start must not wait).</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Inspektion</source>
        <translation>&amp;Inspection</translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Senaste bibliotek</source>
        <translation>&amp;Recent libraries</translation>
    </message>
    <message>
        <source>Öppna &amp;bibliotek…</source>
        <translation>Open &amp;library…</translation>
    </message>
    <message>
        <source>Öppna ett annat bibliotek eller skapa ett</source>
        <translation>Open another library or create one</translation>
    </message>
    <message>
        <source>&amp;Inställningar…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>A&amp;vsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Om spurdesk</source>
        <translation>&amp;About spurdesk</translation>
    </message>
    <message>
        <source>&amp;Uppföljning av handlingsplaner…</source>
        <translation>&amp;Follow-up of action plans…</translation>
    </message>
    <message>
        <source>&amp;Enheter…</source>
        <translation>&amp;Units…</translation>
    </message>
    <message>
        <source>U&amp;ppdatera</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>Läser om biblioteket, med det andra har sparat på kontorets server.</source>
        <translation>Reads the library again, with what others have saved on the office server.</translation>
    </message>
    <message>
        <source>Registret över enheter: senaste och nästa SPUR, uppföljning av brister</source>
        <translation>The register of units: last and next SPUR, follow-up of deficiencies</translation>
    </message>
    <message>
        <source>&amp;Importera svar från verksamheten…</source>
        <translation>&amp;Import the unit&apos;s response…</translation>
    </message>
    <message>
        <source>Öppna &amp;paket från inspektörerna…</source>
        <translation>Open a &amp;package from the inspectors…</translation>
    </message>
    <message>
        <source>Ta emot &amp;kopia från medinspektör…</source>
        <translation>Receive a &amp;copy from a co-inspector…</translation>
    </message>
    <message>
        <source>S&amp;ynkronisera med kontoret…</source>
        <translation>S&amp;ync with the office…</translation>
    </message>
    <message>
        <source>Skicka dina inspektioner till kontorets bibliotek och hämta ändringarna där</source>
        <translation>Send your inspections to the office&apos;s library and fetch the changes made there</translation>
    </message>
    <message>
        <source>spurdesk – inspektioner</source>
        <translation>spurdesk – inspections</translation>
    </message>
</context>
<context>
    <name>MarkDialog</name>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>t.ex. Verksamhetschef</source>
        <translation>e.g. Head of unit</translation>
    </message>
    <message>
        <source>Inskickad av</source>
        <translation>Sent by</translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>MaterialModel</name>
    <message>
        <source>Underlag</source>
        <extracomment>The columns: a MaterialItem field name each (&quot;file&quot; is the attachment, not editable here).</extracomment>
        <translation>Material</translation>
    </message>
    <message>
        <source>Begärt</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Inkom</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Belyser kriterier</source>
        <translation>Evidence for criteria</translation>
    </message>
    <message>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>%1, %2 (SHA-256 %3)</source>
        <extracomment>(item id, field name, the value typed) — a request to change, not a change.</extracomment>
        <translation>%1, %2 (SHA-256 %3)</translation>
    </message>
    <message>
        <source>Datum som ÅÅÅÅ-MM-DD</source>
        <translation>Date as YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Kriterier som underlaget belyser, t.ex. D.5, F.1</source>
        <translation>Criteria the material is evidence for, e.g. D.5, F.1</translation>
    </message>
</context>
<context>
    <name>MaterialPage</name>
    <message>
        <source>Underlag</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Material som begärts från verksamheten inför besöket. Ange när det begärdes och kom in, vilka kriterier det belyser, och bifoga filen om den ska sparas i biblioteket (PDF, Word, Excel, ODT, PNG, JPEG eller text, högst 20 MB). Det som kommit in listas i rapportens bilaga Underlag.</source>
        <translation>Material requested from the unit before the visit. Enter when it was requested and received, which criteria it is evidence for, and attach the file if it is to be kept in the library (PDF, Word, Excel, ODT, PNG, JPEG or text, at most 20 MB). What has been received is listed in the report&apos;s appendix Underlag.</translation>
    </message>
    <message>
        <source>Begär enligt listan</source>
        <translation>Request from checklist</translation>
    </message>
    <message>
        <source>Lägg till listans underlag som saknas (Ctrl+Skift+L)</source>
        <translation>Add the checklist&apos;s missing material (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Nytt underlag</source>
        <translation>New material</translation>
    </message>
    <message>
        <source>Lägg till eget underlag (Insert)</source>
        <translation>Add material of your own (Insert)</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ta bort underlaget (Delete)</source>
        <translation>Remove the material (Delete)</translation>
    </message>
    <message>
        <source>Inkom i dag</source>
        <translation>Received today</translation>
    </message>
    <message>
        <source>Markera underlaget inkommet i dag (Ctrl+R)</source>
        <translation>Mark the material received today (Ctrl+R)</translation>
    </message>
    <message>
        <source>Bifoga fil…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <source>Spara en fil i biblioteket (Ctrl+Skift+A)</source>
        <translation>Store a file in the library (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Öppna fil</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Öppna den sparade filen (Ctrl+O)</source>
        <translation>Open the stored file (Ctrl+O)</translation>
    </message>
    <message>
        <source>Spara fil som…</source>
        <translation>Save file as…</translation>
    </message>
    <message>
        <source>Spara en kopia av filen (Ctrl+Skift+O)</source>
        <translation>Save a copy of the file (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Ta bort fil</source>
        <translation>Remove file</translation>
    </message>
    <message>
        <source>Ta bort den sparade filen ur biblioteket</source>
        <translation>Remove the stored file from the library</translation>
    </message>
    <message>
        <source>Bifoga fil</source>
        <translation>Attach file</translation>
    </message>
    <message>
        <source>Dokument och bilder (*.pdf *.docx *.xlsx *.odt *.png *.jpg *.jpeg *.txt)</source>
        <translation>Documents and pictures (*.pdf *.docx *.xlsx *.odt *.png *.jpg *.jpeg *.txt)</translation>
    </message>
    <message>
        <source>Spara fil som</source>
        <translation>Save file as</translation>
    </message>
</context>
<context>
    <name>MergeChanges</name>
    <message>
        <source>Avsnitt</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Kriterium</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Planerad åtgärd</source>
        <translation>Planned action</translation>
    </message>
    <message>
        <source>Datum när åtgärden ska vara genomförd</source>
        <translation>Date by which the action is to be completed</translation>
    </message>
    <message>
        <source>Ansvarig för genomförandet</source>
        <translation>Responsible for carrying it out</translation>
    </message>
    <message>
        <source>Datum för uppföljning</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>Ansvarig för uppföljningen</source>
        <translation>Responsible for the follow-up</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kommentar från verksamheten</source>
        <translation>Comment from the unit</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Genomförd datum</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>Verifierad datum</source>
        <translation>Verified on</translation>
    </message>
    <message>
        <source>Anteckning om verifiering</source>
        <translation>Verification note</translation>
    </message>
    <message>
        <source>Besvarar även</source>
        <translation>Also answers</translation>
    </message>
    <message>
        <source>Verksamhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Sjukhus eller vårdcentral</source>
        <translation>Hospital or health centre</translation>
    </message>
    <message>
        <source>Vårdgivare</source>
        <translation>Care provider</translation>
    </message>
    <message>
        <source>Specialitet</source>
        <translation>Specialty</translation>
    </message>
    <message>
        <source>Besöket började</source>
        <translation>Visit started</translation>
    </message>
    <message>
        <source>Besöket slutade</source>
        <translation>Visit ended</translation>
    </message>
    <message>
        <source>Rapportdatum</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>Iakttagelser och bedömning</source>
        <translation>Findings and assessment</translation>
    </message>
    <message>
        <source>Gradering</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Motivering</source>
        <translation>Justification</translation>
    </message>
    <message>
        <source>Ändrad gradering</source>
        <translation>Revised grade</translation>
    </message>
    <message>
        <source>Datum för ändrad gradering</source>
        <translation>Date of the revised grade</translation>
    </message>
    <message>
        <source>Skäl till ändrad gradering</source>
        <translation>Reason for the revised grade</translation>
    </message>
    <message>
        <source>Skrivs av</source>
        <translation>Written by</translation>
    </message>
    <message>
        <source>namn</source>
        <translation>name</translation>
    </message>
    <message>
        <source>roll</source>
        <translation>role</translation>
    </message>
    <message>
        <source>grupp</source>
        <translation>group</translation>
    </message>
    <message>
        <source>antal</source>
        <translation>number</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>lista</source>
        <translation>list</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>anteckning</source>
        <translation>note</translation>
    </message>
    <message>
        <source>Inspektörernas ordning</source>
        <translation>Order of the inspectors</translation>
    </message>
    <message>
        <source>De intervjuade gruppernas ordning</source>
        <translation>Order of the interviewed groups</translation>
    </message>
    <message>
        <source>Punkternas ordning</source>
        <translation>Order of the points</translation>
    </message>
    <message>
        <source>Radernas ordning</source>
        <translation>Order of the rows</translation>
    </message>
    <message>
        <source>Inspektör %1</source>
        <translation>Inspector %1</translation>
    </message>
    <message>
        <source>Intervjuad grupp %1</source>
        <translation>Interviewed group %1</translation>
    </message>
    <message>
        <source>Rad för %1</source>
        <translation>Row for %1</translation>
    </message>
    <message>
        <source>Rad i handlingsplanen</source>
        <translation>Action plan row</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Kopia från %1 – %2</source>
        <translation>Copy from %1 – %2</translation>
    </message>
    <message>
        <source>Kopian från %1 (%2, gjord %3) jämförd med inspektionen här. Inget ändras förrän du väljer Slå ihop.</source>
        <translation>The copy from %1 (%2, made %3) compared with the inspection here. Nothing changes until you choose Merge.</translation>
    </message>
    <message>
        <source>Båda har flyttat rader på samma ställe; de står nu i en fast ordning och ingen rad går förlorad.</source>
        <translation>Both of you moved rows in the same place; they now stand in a fixed order and no row is lost.</translation>
    </message>
    <message>
        <source>Kopian innehåller inget nytt: allt i den finns redan här.</source>
        <translation>The copy holds nothing new: everything in it is already here.</translation>
    </message>
    <message>
        <source>Ändring</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Läge</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Ändringar i kopian</source>
        <translation>Changes in the copy</translation>
    </message>
    <message>
        <source>Min version</source>
        <translation>My version</translation>
    </message>
    <message>
        <source>Deras version</source>
        <translation>Their version</translation>
    </message>
    <message>
        <source>finns bara till vänster</source>
        <translation>only on the left</translation>
    </message>
    <message>
        <source>finns bara till höger</source>
        <translation>only on the right</translation>
    </message>
    <message>
        <source>Välj för den här konflikten</source>
        <translation>Choose for this conflict</translation>
    </message>
    <message>
        <source>Behåll &amp;min</source>
        <translation>&amp;Keep mine</translation>
    </message>
    <message>
        <source>Ta &amp;deras</source>
        <translation>Take &amp;theirs</translation>
    </message>
    <message>
        <source>&amp;Redigera en kombination</source>
        <translation>&amp;Edit a combination</translation>
    </message>
    <message>
        <source>Din formulering av båda versionerna:</source>
        <translation>Your wording of both versions:</translation>
    </message>
    <message>
        <source>Kombination av båda versionerna</source>
        <translation>Combination of both versions</translation>
    </message>
    <message>
        <source>&amp;Föregående konflikt</source>
        <translation>&amp;Previous conflict</translation>
    </message>
    <message>
        <source>Föregående konflikt (Skift+F8)</source>
        <translation>Previous conflict (Shift+F8)</translation>
    </message>
    <message>
        <source>&amp;Nästa konflikt</source>
        <translation>&amp;Next conflict</translation>
    </message>
    <message>
        <source>Nästa konflikt (F8)</source>
        <translation>Next conflict (F8)</translation>
    </message>
    <message>
        <source>Slå &amp;ihop</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <source>Ta &amp;emot</source>
        <translation>&amp;Receive</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>%n konflikt(er)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ändring(ar)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Ny</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Tas bort</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Ändras</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Sammanfogas</source>
        <translation>Combined</translation>
    </message>
    <message>
        <source>Konflikt – inget val</source>
        <translation>Conflict – not chosen</translation>
    </message>
    <message>
        <source>Konflikt – min</source>
        <translation>Conflict – mine</translation>
    </message>
    <message>
        <source>Konflikt – deras</source>
        <translation>Conflict – theirs</translation>
    </message>
    <message>
        <source>Konflikt – egen text</source>
        <translation>Conflict – own wording</translation>
    </message>
    <message>
        <source>Konflikt: båda har ändrat samma stycke. Välj en version eller skriv en kombination av dem.</source>
        <translation>Conflict: both of you changed the same paragraph. Choose one version or write a combination of them.</translation>
    </message>
    <message>
        <source>Konflikt: båda har ändrat värdet. Välj ett av dem.</source>
        <translation>Conflict: both of you changed the value. Choose one of them.</translation>
    </message>
    <message>
        <source>Konflikt: raden är borttagen i den ena versionen och ändrad i den andra.</source>
        <translation>Conflict: the row was removed in one version and changed in the other.</translation>
    </message>
    <message>
        <source>Finns bara i kopian från %1 och läggs till.</source>
        <translation>Only in the copy from %1; it is added.</translation>
    </message>
    <message>
        <source>%1 har tagit bort den; den tas bort här.</source>
        <translation>%1 removed it; it is removed here.</translation>
    </message>
    <message>
        <source>Ändrad av %1; ändras här.</source>
        <translation>Changed by %1; it changes here.</translation>
    </message>
    <message>
        <source>Båda har ändrat texten, i olika stycken: båda ändringarna behålls.</source>
        <translation>Both of you changed the text, in different paragraphs: both changes are kept.</translation>
    </message>
    <message>
        <source>Min version – %1, %2</source>
        <translation>My version – %1, %2</translation>
    </message>
    <message>
        <source>Deras version – %1, %2</source>
        <translation>Their version – %1, %2</translation>
    </message>
    <message>
        <source>Nu – %1, %2</source>
        <translation>Now – %1, %2</translation>
    </message>
    <message>
        <source>Efter sammanslagningen</source>
        <translation>After the merge</translation>
    </message>
    <message>
        <source>(tomt)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>(borttagen)</source>
        <translation>(removed)</translation>
    </message>
    <message>
        <source>(finns inte här)</source>
        <translation>(not here)</translation>
    </message>
    <message>
        <source>(tas bort)</source>
        <translation>(removed)</translation>
    </message>
    <message numerus="yes">
        <source>%n utan val; där behålls din version.</source>
        <translation>
            <numerusform>%n not chosen; your version is kept there.</numerusform>
            <numerusform>%n not chosen; your version is kept there.</numerusform>
        </translation>
    </message>
    <message>
        <source>alla har ett val.</source>
        <translation>all chosen.</translation>
    </message>
    <message>
        <source>Konflikter utan val</source>
        <translation>Conflicts not chosen</translation>
    </message>
    <message numerus="yes">
        <source>%n konflikt(er) har inget val.</source>
        <translation>
            <numerusform>%n conflict has no choice.</numerusform>
            <numerusform>%n conflicts have no choice.</numerusform>
        </translation>
    </message>
    <message>
        <source>Slå ihop ändå</source>
        <translation>Merge anyway</translation>
    </message>
    <message>
        <source>Där behålls din version. Välj Avbryt för att välja själv.</source>
        <translation>Your version is kept there. Choose Cancel to choose yourself.</translation>
    </message>
    <message>
        <source>Kopian kunde inte slås ihop</source>
        <translation>The copy could not be merged</translation>
    </message>
    <message>
        <source>Slå ihop dubbletter</source>
        <translation>Merge duplicates</translation>
    </message>
    <message>
        <source>Föreslagna dubbletter</source>
        <translation>Suggested duplicates</translation>
    </message>
    <message>
        <source>&amp;Slå ihop vald</source>
        <translation>&amp;Merge selected</translation>
    </message>
    <message>
        <source>Enheter vars namn, sjukhus, vårdgivare och specialitet nästan stämmer överens. Den första i paret behålls; den andras inspektioner och kontakter flyttas dit och ändringen skrivs i varje flyttad inspektions historik.</source>
        <translation>Units whose name, hospital, care provider and specialty almost match. The first of a pair is kept; the other&apos;s inspections and contacts move to it, and the change is written into each moved inspection&apos;s history.</translation>
    </message>
    <message numerus="yes">
        <source>%n inspektion(er)</source>
        <translation>
            <numerusform>%n inspection</numerusform>
            <numerusform>%n inspections</numerusform>
        </translation>
    </message>
    <message>
        <source>Behåll %1
← slå in %2 (%3 % lika)</source>
        <translation>Keep %1
← merge in %2 (%3 % alike)</translation>
    </message>
    <message>
        <source>Inga troliga dubbletter i registret.</source>
        <translation>No likely duplicates in the register.</translation>
    </message>
    <message>
        <source>Slå ihop enheterna?</source>
        <translation>Merge the units?</translation>
    </message>
    <message>
        <source>Slå ihop</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Den andra enheten tas bort ur registret; det går inte att ångra.</source>
        <translation>The other unit is removed from the register; this cannot be undone.</translation>
    </message>
    <message>
        <source>Enheterna kan inte slås ihop</source>
        <translation>The units cannot be merged</translation>
    </message>
</context>
<context>
    <name>NavigationModel</name>
    <message>
        <source>Del</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Gradering</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Översikt</source>
        <extracomment>The `key` of the nodes that are pages rather than sections.</extracomment>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Underlag</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Resultat</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Handlingsplan</source>
        <translation>Action plan</translation>
    </message>
    <message numerus="yes">
        <source>%n rad(er)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>%4
Gradering: %1. %2 av %3 kriterier bedömda.</source>
        <translation>%4
Grade: %1. %2 of %3 criteria assessed.</translation>
    </message>
    <message>
        <source>Skrivs av %1.</source>
        <translation>Written by %1.</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <source>Ange verksamhetens namn, t.ex. Röntgenkliniken.</source>
        <translation>Enter the unit&apos;s name, e.g. Department of Radiology.</translation>
    </message>
    <message>
        <source>Ange specialiteten, t.ex. Radiologi.</source>
        <translation>Enter the specialty, e.g. Radiology.</translation>
    </message>
    <message>
        <source>Sista besöksdagen ligger före den första.</source>
        <translation>The last day of the visit is before the first.</translation>
    </message>
    <message>
        <source>Ingen kriterieuppsättning kunde läsas; se Hjälp → Om spurdesk.</source>
        <translation>No criteria set could be read; see Help → About spurdesk.</translation>
    </message>
    <message>
        <source>Ny inspektion</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <source>Ny enhet (skriv uppgifterna nedan)</source>
        <translation>New unit (type its details below)</translation>
    </message>
    <message>
        <source>&amp;Enhet i registret:</source>
        <translation>&amp;Unit in the register:</translation>
    </message>
    <message>
        <source>Enhet i registret</source>
        <translation>Unit in the register</translation>
    </message>
    <message>
        <source>&amp;Verksamhet:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>Verksamhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Sjukh&amp;us / vårdcentral:</source>
        <translation>&amp;Hospital / health centre:</translation>
    </message>
    <message>
        <source>Sjukhus eller vårdcentral</source>
        <translation>Hospital or health centre</translation>
    </message>
    <message>
        <source>Vård&amp;givare / region:</source>
        <translation>Care &amp;provider / region:</translation>
    </message>
    <message>
        <source>Vårdgivare eller region</source>
        <translation>Care provider or region</translation>
    </message>
    <message>
        <source>S&amp;pecialitet:</source>
        <translation>S&amp;pecialty:</translation>
    </message>
    <message>
        <source>Specialitet</source>
        <translation>Specialty</translation>
    </message>
    <message>
        <source>&amp;Första dagen:</source>
        <translation>&amp;First day:</translation>
    </message>
    <message>
        <source>Besökets första dag</source>
        <translation>First day of the visit</translation>
    </message>
    <message>
        <source>Sista &amp;dagen:</source>
        <translation>&amp;Last day:</translation>
    </message>
    <message>
        <source>Besökets sista dag</source>
        <translation>Last day of the visit</translation>
    </message>
    <message>
        <source>&amp;Huvudinspektör:</source>
        <translation>Lea&amp;d inspector:</translation>
    </message>
    <message>
        <source>Huvudinspektör</source>
        <translation>Lead inspector</translation>
    </message>
    <message>
        <source>&amp;Inspektör:</source>
        <translation>&amp;Inspector:</translation>
    </message>
    <message>
        <source>Inspektör</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>&amp;Kriterier:</source>
        <translation>&amp;Criteria:</translation>
    </message>
    <message>
        <source>Kriterieuppsättning</source>
        <translation>Criteria set</translation>
    </message>
    <message>
        <source>t.ex. Röntgenkliniken</source>
        <translation>e.g. Department of Radiology</translation>
    </message>
    <message>
        <source>t.ex. Universitetssjukhuset</source>
        <translation>e.g. University Hospital</translation>
    </message>
    <message>
        <source>t.ex. Region Exempel</source>
        <translation>e.g. Region Example</translation>
    </message>
    <message>
        <source>t.ex. Radiologi</source>
        <translation>e.g. Radiology</translation>
    </message>
    <message>
        <source>&amp;Besöksdatum bestämt</source>
        <translation>&amp;Visit dates set</translation>
    </message>
    <message>
        <source>Besöksdatum bestämt</source>
        <translation>Visit dates set</translation>
    </message>
    <message>
        <source>Inspektörer</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <source>&amp;Skapa</source>
        <translation>C&amp;reate</translation>
    </message>
    <message>
        <source>Skapa inspektionen</source>
        <translation>Create the inspection</translation>
    </message>
</context>
<context>
    <name>OfficeServerPage</name>
    <message>
        <source>Det sparade lösenordet är borttaget ur nyckelringen.</source>
        <translation>The saved password has been removed from the keyring.</translation>
    </message>
    <message>
        <source>sparat i nyckelringen</source>
        <translation>saved in the keyring</translation>
    </message>
    <message>
        <source>inget sparat</source>
        <translation>none saved</translation>
    </message>
    <message>
        <source>Ansluter till servern …</source>
        <translation>Connecting to the server …</translation>
    </message>
    <message>
        <source>Anslutningen misslyckades: {error}</source>
        <translation>The connection failed: {error}</translation>
    </message>
    <message>
        <source>Servern svarar, men databasen innehåller ett annat programs tabeller. Välj spurdesks egen databas.</source>
        <translation>The server answers, but the database holds another program&apos;s tables. Choose spurdesk&apos;s own database.</translation>
    </message>
    <message>
        <source>Anslutningen fungerar. Kontorets bibliotek kan öppnas och synkroniseras.</source>
        <translation>The connection works. The office library can be opened and synchronised.</translation>
    </message>
    <message>
        <source>Anslutningen fungerar, men databasen har en äldre struktur än den här versionen av spurdesk. Kontorets administratör behöver köra spurdesk db upgrade.</source>
        <translation>The connection works, but the database has an older structure than this version of spurdesk. The office&apos;s administrator needs to run spurdesk db upgrade.</translation>
    </message>
    <message>
        <source>Anslutningen fungerar, men databasen är skapad av en nyare version av spurdesk. Installera den senaste versionen.</source>
        <translation>The connection works, but the database was made by a newer version of spurdesk. Install the latest version.</translation>
    </message>
    <message>
        <source>Anslutningen fungerar, men databasen är tom. Kontorets administratör skapar biblioteket med spurdesk db upgrade.</source>
        <translation>The connection works, but the database is empty. The office&apos;s administrator creates the library with spurdesk db upgrade.</translation>
    </message>
    <message>
        <source>Ange servernamn och databas, eller ett tjänstenamn.</source>
        <translation>Enter the server name and database, or a service name.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Databas:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;Användare:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>&amp;Lösenord:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>&amp;TLS (sslmode):</source>
        <translation>&amp;TLS (sslmode):</translation>
    </message>
    <message>
        <source>&amp;Rotcertifikat:</source>
        <translation>&amp;Root certificate:</translation>
    </message>
    <message>
        <source>T&amp;jänstenamn:</source>
        <translation>Ser&amp;vice name:</translation>
    </message>
    <message>
        <source>Mitt namn som &amp;inspektör:</source>
        <translation>My name as &amp;inspector:</translation>
    </message>
    <message>
        <source>till exempel spur-db.lipus.se</source>
        <translation>for example spur-db.lipus.se</translation>
    </message>
    <message>
        <source>sökväg till CA-certifikatet (valfritt)</source>
        <translation>path to the CA certificate (optional)</translation>
    </message>
    <message>
        <source>namn i pg_service.conf (valfritt)</source>
        <translation>name in pg_service.conf (optional)</translation>
    </message>
    <message>
        <source>som i inspektionernas inspektörslista; hämtas vid synkronisering</source>
        <translation>as in the inspections&apos; list of inspectors; fetched when syncing</translation>
    </message>
    <message>
        <source>Mitt namn som inspektör</source>
        <translation>My name as inspector</translation>
    </message>
    <message>
        <source>Kontorsserverns namn</source>
        <translation>The office server&apos;s name</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Databasens namn</source>
        <translation>The database&apos;s name</translation>
    </message>
    <message>
        <source>Användarnamn på servern</source>
        <translation>User name on the server</translation>
    </message>
    <message>
        <source>Lösenord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>TLS-läge</source>
        <translation>TLS mode</translation>
    </message>
    <message>
        <source>Rotcertifikat för TLS</source>
        <translation>Root certificate for TLS</translation>
    </message>
    <message>
        <source>Tjänstenamn i pg_service.conf</source>
        <translation>Service name in pg_service.conf</translation>
    </message>
    <message>
        <source>&amp;Glöm lösenordet</source>
        <translation>&amp;Forget the password</translation>
    </message>
    <message>
        <source>Testa a&amp;nslutning</source>
        <translation>Test co&amp;nnection</translation>
    </message>
    <message>
        <source>Öppna &amp;kontorets bibliotek</source>
        <translation>Open the &amp;office library</translation>
    </message>
    <message>
        <source>Lösenordet sparas i datorns nyckelring (till exempel macOS Nyckelhanterare eller Windows Autentiseringshanteraren), aldrig i inställningsfilen. Lämna fältet tomt för att behålla det sparade lösenordet, eller för att låta PostgreSQL läsa det ur .pgpass eller tjänstefilen.</source>
        <translation>The password is kept in the computer&apos;s keyring (for example the macOS Keychain or the Windows Credential Manager), never in the settings file. Leave the field empty to keep the saved password, or to let PostgreSQL read it from .pgpass or the service file.</translation>
    </message>
</context>
<context>
    <name>OfficeSync</name>
    <message>
        <source>Synkroniserar med kontoret …</source>
        <translation>Syncing with the office …</translation>
    </message>
    <message>
        <source>Synkronisera med kontoret</source>
        <translation>Sync with the office</translation>
    </message>
    <message>
        <source>Synkroniseringen avbröts. Det som hann synkroniseras är sparat på båda sidor; resten synkroniseras nästa gång.</source>
        <translation>The sync was cancelled. What was synced before that is saved on both sides; the rest is synced next time.</translation>
    </message>
    <message>
        <source>Kontorets bibliotek kunde inte nås: %1 Biblioteket på den här datorn har inte ändrats; du kan arbeta vidare som vanligt och synkronisera senare.</source>
        <translation>The office&apos;s library could not be reached: %1 The library on this computer has not been changed; you can keep working as usual and sync later.</translation>
    </message>
    <message>
        <source>Synkroniseringen avbröts: %1 Det som hann synkroniseras är sparat på båda sidor; synkronisera igen när kontoret kan nås.</source>
        <translation>The sync was interrupted: %1 What was synced before that is saved on both sides; sync again when the office can be reached.</translation>
    </message>
    <message>
        <source>Inspektionen har ändrats här eller på kontoret sedan förhandsvisningen öppnades. Avbryt och synkronisera igen.</source>
        <translation>The inspection has changed here or at the office since the preview was opened. Cancel and sync again.</translation>
    </message>
    <message>
        <source>Skickade till kontoret: %1. Hämtade: %2. Synkroniserade: %3. Oförändrade: %4.</source>
        <translation>Sent to the office: %1. Fetched: %2. Synced: %3. Unchanged: %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n inspektion(er) med konflikter synkroniserades inte; de tas upp igen vid nästa synkronisering:</source>
        <translation>
            <numerusform>%n inspection with conflicts was not synced; it comes up again at the next sync:</numerusform>
            <numerusform>%n inspections with conflicts were not synced; they come up again at the next sync:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Ny inspektör</source>
        <translation>New inspector</translation>
    </message>
    <message>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Antal</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Namn (frivilligt)</source>
        <translation>Names (optional)</translation>
    </message>
    <message>
        <source>ST-läkare</source>
        <translation>ST doctors</translation>
    </message>
    <message>
        <source>&amp;Verksamhet</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source>&amp;Sjukhus eller vårdcentral</source>
        <translation>&amp;Hospital or health centre</translation>
    </message>
    <message>
        <source>Vård&amp;givare</source>
        <translation>Care &amp;provider</translation>
    </message>
    <message>
        <source>S&amp;pecialitet</source>
        <translation>S&amp;pecialty</translation>
    </message>
    <message>
        <source>Besöket &amp;började</source>
        <translation>Visit &amp;started</translation>
    </message>
    <message>
        <source>Besöket &amp;slutade</source>
        <translation>Visit &amp;ended</translation>
    </message>
    <message>
        <source>&amp;Rapportdatum</source>
        <translation>&amp;Report date</translation>
    </message>
    <message>
        <source>&amp;Handlingsplan senast</source>
        <translation>&amp;Action plan due</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Datum då verksamheten senast ska skicka handlingsplanen. Föreslås när handlingsplanen begärs (Inställningar → Svarstid).</source>
        <translation>The date by which the unit is to send its action plan. Suggested when the plan is requested (Settings → Reply time).</translation>
    </message>
    <message>
        <source>Uppgifter om granskningen</source>
        <translation>About the inspection</translation>
    </message>
    <message>
        <source>Kriterieuppsättning</source>
        <translation>Criteria set</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Nästa steg:</source>
        <translation>&amp;Next step:</translation>
    </message>
    <message>
        <source>Ny status</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>Ändra status</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>Inspektörer</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <source>Intervjuade grupper</source>
        <translation>Groups interviewed</translation>
    </message>
    <message>
        <source>inspektör</source>
        <translation>inspector</translation>
    </message>
    <message>
        <source>grupp</source>
        <translation>group</translation>
    </message>
    <message>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Lägg till %1 (Insert)</source>
        <translation>Add %1 (Insert)</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ta bort %1 (Delete)</source>
        <translation>Remove %1 (Delete)</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>%1: skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-03-14.</source>
        <translation>%1: write the date as YYYY-MM-DD, e.g. 2025-03-14.</translation>
    </message>
    <message>
        <source>Verksamhet: ange verksamhetens namn.</source>
        <translation>Unit: enter the unit&apos;s name.</translation>
    </message>
    <message>
        <source>Verksamheten ska skicka handlingsplanen senast %1; datumet kan ändras under Uppgifter om granskningen.</source>
        <translation>The unit is to send its action plan by %1; the date can be changed under Inspection details.</translation>
    </message>
    <message>
        <source>Ändra status från %1 till %2?</source>
        <translation>Change the status from %1 to %2?</translation>
    </message>
    <message>
        <source>Det går inte att ändra tillbaka, och steget kan inte ångras.</source>
        <translation>It cannot be changed back, and the step cannot be undone.</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Resultat</source>
        <extracomment>The last SPUR, looked up once (None: none, or not in the library any more).</extracomment>
        <translation>Results</translation>
    </message>
    <message>
        <source>Graderingar per avsnitt</source>
        <translation>Grades by section</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Ny</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Ändrad</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Oförändrad</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Granska handlingsplan – %1</source>
        <translation>Review action plan – %1</translation>
    </message>
    <message>
        <source>Svaret från verksamheten (%1) jämfört med inspektionen. Bocka i de rader som ska föras in; rader utan bock avvisas.</source>
        <translation>The unit&apos;s reply (%1) compared with the inspection. Tick the rows to take in; rows without a tick are rejected.</translation>
    </message>
    <message>
        <source>Rad</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Läge</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Tidigare</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Nu</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Saknas i handlingsplanen</source>
        <translation>Missing from the action plan</translation>
    </message>
    <message>
        <source>Godta alla</source>
        <translation>Accept all</translation>
    </message>
    <message>
        <source>Avvisa alla</source>
        <translation>Reject all</translation>
    </message>
    <message>
        <source>Importera valda rader</source>
        <translation>Import selected rows</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Handlingsplanen kunde inte importeras</source>
        <translation>The action plan could not be imported</translation>
    </message>
    <message>
        <source>Handlingsplanen är importerad</source>
        <translation>The action plan is imported</translation>
    </message>
    <message>
        <source>%1 nya och %2 ändrade rader fördes in; %3 avvisades.</source>
        <translation>%1 new and %2 changed rows were taken in; %3 were rejected.</translation>
    </message>
    <message>
        <source>Svaret kan inte importeras</source>
        <translation>The reply cannot be imported</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>Status: 1 Uppfyllt · 2 Delvis uppfyllt · 3 Ej uppfyllt · 4 Ej bedömt. F2 ändrar cellen, Tab går vidare till iakttagelserna.</source>
        <translation>Status: 1 Met · 2 Partly met · 3 Not met · 4 Not assessed. F2 edits the cell, Tab moves on to the findings.</translation>
    </message>
    <message>
        <source>Kriterier för avsnitt %1</source>
        <translation>Criteria of section %1</translation>
    </message>
    <message>
        <source>Skriv&amp;s av</source>
        <translation>Written &amp;by</translation>
    </message>
    <message>
        <source>Inspektör som skriver avsnitt %1</source>
        <translation>Inspector writing section %1</translation>
    </message>
    <message>
        <source>&amp;Iakttagelser och bedömning</source>
        <translation>&amp;Findings and assessment</translation>
    </message>
    <message>
        <source>Iakttagelser och bedömning</source>
        <translation>Findings and assessment</translation>
    </message>
    <message>
        <source>Vad granskningen visade. Nytt stycke med Enter, punkter med &quot;- &quot; först.</source>
        <translation>What the inspection showed. Enter starts a new paragraph; start a line with &quot;- &quot; for a bullet.</translation>
    </message>
    <message>
        <source>Gradering</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>&amp;Motivering</source>
        <translation>&amp;Justification</translation>
    </message>
    <message>
        <source>Motivering till graderingen</source>
        <translation>Justification of the grade</translation>
    </message>
    <message>
        <source>Ändrad gradering efter handlingsplan</source>
        <translation>Grade revised after the action plan</translation>
    </message>
    <message>
        <source>Ny &amp;gradering</source>
        <translation>New &amp;grade</translation>
    </message>
    <message>
        <source>Ny gradering</source>
        <translation>New grade</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Datum för ändringen</source>
        <translation>Date of the revision</translation>
    </message>
    <message>
        <source>S&amp;käl</source>
        <translation>Rea&amp;son</translation>
    </message>
    <message>
        <source>Skäl till ändringen</source>
        <translation>Reason for the revision</translation>
    </message>
    <message>
        <source>T.ex. Handlingsplanen åtgärdar bristerna.</source>
        <translation>E.g. The action plan remedies the deficiencies.</translation>
    </message>
    <message>
        <source>Spara ändrad gradering</source>
        <translation>Save revised grade</translation>
    </message>
    <message>
        <source>Ta bort ändringen</source>
        <translation>Remove the revision</translation>
    </message>
    <message>
        <source>Ingen ändring</source>
        <translation>No revision</translation>
    </message>
    <message>
        <source>Föreslagen gradering: ingen ännu</source>
        <translation>Suggested grade: none yet</translation>
    </message>
    <message>
        <source>Föreslagen gradering: %1</source>
        <translation>Suggested grade: %1</translation>
    </message>
    <message>
        <source> (preliminär)</source>
        <translation> (preliminary)</translation>
    </message>
    <message>
        <source>Ej bedömda kriterier: %1</source>
        <translation>Criteria not assessed: %1</translation>
    </message>
    <message>
        <source>Motivering krävs: graderingen %1 avviker från den föreslagna %2.</source>
        <translation>Justification required: the grade %1 differs from the suggested %2.</translation>
    </message>
    <message>
        <source>Graderingen sparas när motiveringen är skriven.</source>
        <translation>The grade is saved once the justification is written.</translation>
    </message>
    <message>
        <source>Graderingen har inte ändrats efter granskningen.</source>
        <translation>The grade has not been revised since the inspection.</translation>
    </message>
    <message>
        <source>Ändrad till %1 den %2: %3</source>
        <translation>Revised to %1 on %2: %3</translation>
    </message>
    <message>
        <source>— ingen —</source>
        <translation>— no one —</translation>
    </message>
    <message>
        <source>Anteckning till %1</source>
        <translation>Note on %1</translation>
    </message>
    <message>
        <source>Iakttagelser i avsnitt %1</source>
        <translation>Findings in section %1</translation>
    </message>
    <message>
        <source>Motivering i avsnitt %1</source>
        <translation>Justification in section %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Allmänt</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Kontorsserver</source>
        <translation>Office server</translation>
    </message>
    <message>
        <source>Gränssnitt</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Säkerhetskopior</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>&amp;Språk:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Säkerhetskopiera &amp;var:</source>
        <translation>Back up &amp;every:</translation>
    </message>
    <message>
        <source>&amp;Behåll:</source>
        <translation>&amp;Keep:</translation>
    </message>
    <message>
        <source>En per &amp;dag i:</source>
        <translation>One a &amp;day for:</translation>
    </message>
    <message>
        <source>En per v&amp;ecka i:</source>
        <translation>One a w&amp;eek for:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> kopior</source>
        <translation> copies</translation>
    </message>
    <message>
        <source> dagar</source>
        <translation> days</translation>
    </message>
    <message>
        <source> veckor</source>
        <translation> weeks</translation>
    </message>
    <message>
        <source>Antal dagar med en säkerhetskopia per dag</source>
        <translation>Number of days with one backup a day</translation>
    </message>
    <message>
        <source>Antal veckor med en säkerhetskopia per vecka</source>
        <translation>Number of weeks with one backup a week</translation>
    </message>
    <message>
        <source>Handlingsplan</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>&amp;Svarstid:</source>
        <translation>&amp;Reply time:</translation>
    </message>
    <message>
        <source>Antal dagar verksamheten får på sig att skicka handlingsplanen</source>
        <translation>Number of days the unit has to send its action plan</translation>
    </message>
    <message>
        <source>Enheter</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>SPUR-&amp;intervall:</source>
        <translation>SPUR &amp;interval:</translation>
    </message>
    <message>
        <source> år</source>
        <translation> years</translation>
    </message>
    <message>
        <source>Antal år mellan en enhets SPUR-inspektioner</source>
        <translation>Years between a unit&apos;s SPUR inspections</translation>
    </message>
    <message>
        <source>Varna &amp;före:</source>
        <translation>Warn &amp;before:</translation>
    </message>
    <message>
        <source> månader</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Antal månader före nästa SPUR som enheten markeras som snart aktuell</source>
        <translation>Months before the next SPUR that the unit is marked as due soon</translation>
    </message>
    <message>
        <source>När handlingsplanen begärs föreslås svarsdatumet så många dagar fram; det går att ändra på översiktssidan. Uppföljningsdatum som verksamheten lämnar tomma blir sex månader efter att planen har kommit in.</source>
        <translation>When the action plan is requested, the reply-by date is suggested this many days ahead; it can be changed on the overview page. Follow-up dates the unit leaves empty become six months after the plan arrived.</translation>
    </message>
    <message>
        <source>Systemets språk</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Biblioteket säkerhetskopieras när det öppnas och med detta intervall medan du arbetar. Utöver de senaste kopiorna sparas dagens och veckans första, så att det finns en hel kopia från tiden före en skada som upptäcks sent; den senaste kopian som klarat den fullständiga kontrollen tas aldrig bort. Ändringen gäller nästa gång ett bibliotek öppnas. Kontorets bibliotek på servern säkerhetskopieras på servern (pg_dump), inte av spurdesk.</source>
        <translation>The library is backed up when it is opened and at this interval while you work. Besides the newest backups, the first of each day and of each week are kept, so that a sound copy from before damage found late still exists; the newest backup that passed the full check is never removed. A change applies the next time a library is opened. The office library on the server is backed up on the server (pg_dump), not by spurdesk.</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Intervall för säkerhetskopior i minuter</source>
        <translation>Backup interval in minutes</translation>
    </message>
    <message>
        <source>Antal säkerhetskopior att behålla</source>
        <translation>Number of backups to keep</translation>
    </message>
</context>
<context>
    <name>StartView</name>
    <message numerus="yes">
        <source>%n enhet(er) har passerat tiden för nästa SPUR</source>
        <extracomment>After a list-level change (created, deleted, restored): re-read almost at once. After edits inside one inspection (autosave while typing in its window): re-read once the typing has paused, so a large library&apos;s list is not re-read every second of typing.</extracomment>
        <translation>
            <numerusform>%n unit is past its next SPUR</numerusform>
            <numerusform>%n units are past their next SPUR</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n uppföljning(ar) av brister försenad(e)</source>
        <translation>
            <numerusform>%n follow-up of deficiencies overdue</numerusform>
            <numerusform>%n follow-ups of deficiencies overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>Visa enheterna (Ctrl+Shift+U)</source>
        <translation>Show the units (Ctrl+Shift+U)</translation>
    </message>
    <message numerus="yes">
        <source>%n försenad(e) åtgärd(er) i handlingsplanerna</source>
        <translation>
            <numerusform>%n overdue action in the action plans</numerusform>
            <numerusform>%n overdue actions in the action plans</numerusform>
        </translation>
    </message>
    <message>
        <source>Inga försenade åtgärder</source>
        <translation>No overdue actions</translation>
    </message>
    <message>
        <source>Ominspektion skapad av {name}.</source>
        <translation>Re-inspection created from {name}.</translation>
    </message>
    <message>
        <source>Flytta till papperskorgen</source>
        <translation>Move to the trash</translation>
    </message>
    <message>
        <source>Flytta “{name}” till papperskorgen?</source>
        <translation>Move “{name}” to the trash?</translation>
    </message>
    <message>
        <source>Du kan återställa inspektionen från Papperskorgen (Ctrl+Shift+T).</source>
        <translation>You can restore the inspection from the Trash (Ctrl+Shift+T).</translation>
    </message>
    <message>
        <source>“{name}” ligger i papperskorgen.</source>
        <translation>“{name}” is in the trash.</translation>
    </message>
    <message>
        <source>“{name}” är återställd.</source>
        <translation>“{name}” is restored.</translation>
    </message>
    <message>
        <source>Radera permanent</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <source>Radera “{name}” permanent?</source>
        <translation>Delete “{name}” permanently?</translation>
    </message>
    <message>
        <source>Det går inte att ångra. Säkerhetskopiorna av biblioteket finns kvar.</source>
        <translation>This cannot be undone. The library&apos;s backups remain.</translation>
    </message>
    <message>
        <source>&amp;Ny inspektion…</source>
        <translation>&amp;New inspection…</translation>
    </message>
    <message>
        <source>Skapa en ny inspektion</source>
        <translation>Create a new inspection</translation>
    </message>
    <message>
        <source>Ö&amp;ppna</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Öppna den markerade inspektionen</source>
        <translation>Open the selected inspection</translation>
    </message>
    <message>
        <source>&amp;Duplicera som ominspektion</source>
        <translation>&amp;Duplicate as re-inspection</translation>
    </message>
    <message>
        <source>Ny inspektion av samma verksamhet med de tidigare graderingarna</source>
        <translation>A new inspection of the same unit, with the previous grades</translation>
    </message>
    <message>
        <source>&amp;Ta bort…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>&amp;Återställ</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>Återställ från papperskorgen</source>
        <translation>Restore from the trash</translation>
    </message>
    <message>
        <source>&amp;Radera permanent…</source>
        <translation>Delete &amp;permanently…</translation>
    </message>
    <message>
        <source>&amp;Papperskorg</source>
        <translation>&amp;Trash</translation>
    </message>
    <message>
        <source>Visa borttagna inspektioner</source>
        <translation>Show deleted inspections</translation>
    </message>
    <message>
        <source>&amp;Filtrera</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>Flytta markören till filtret</source>
        <translation>Move the cursor to the filter</translation>
    </message>
    <message>
        <source>Papperskorgen</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>Inspektioner</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Filtrera på verksamhet, sjukhus, specialitet, status … (Ctrl+F)</source>
        <translation>Filter by unit, hospital, specialty, status … (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Borttagna inspektioner</source>
        <translation>Deleted inspections</translation>
    </message>
    <message>
        <source>Öppnar biblioteket …</source>
        <extracomment>How the main window is known in QSettings. How often the start view reads an office server&apos;s list again by itself.</extracomment>
        <translation>Opening the library …</translation>
    </message>
    <message>
        <source>Papperskorgen är tom.</source>
        <translation>The trash is empty.</translation>
    </message>
    <message>
        <source>Biblioteket har inga inspektioner ännu.
Skapa en med Ny inspektion (Ctrl+N).</source>
        <translation>The library has no inspections yet.
Create one with New inspection (Ctrl+N).</translation>
    </message>
</context>
<context>
    <name>SummaryList</name>
    <message>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Lägg till en punkt (Insert)</source>
        <translation>Add an item (Insert)</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ta bort punkten (Delete)</source>
        <translation>Remove the item (Delete)</translation>
    </message>
    <message>
        <source>Upp</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Flytta upp (Alt+Upp)</source>
        <translation>Move up (Alt+Up)</translation>
    </message>
    <message>
        <source>Ned</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Flytta ned (Alt+Ned)</source>
        <translation>Move down (Alt+Down)</translation>
    </message>
    <message>
        <source>Ändra punkt</source>
        <translation>Edit item</translation>
    </message>
</context>
<context>
    <name>SummaryModels</name>
    <message>
        <source>Avsnitt</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Gradering</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Ändrad</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Föregående granskning</source>
        <translation>Previous inspection</translation>
    </message>
    <message>
        <source>Bedömda kriterier</source>
        <translation>Criteria assessed</translation>
    </message>
    <message>
        <source>Avsnitt utan gradering: %1.</source>
        <translation>Sections without a grade: %1.</translation>
    </message>
    <message>
        <source>%1 kriterier är inte bedömda: %2.</source>
        <translation>%1 criteria are not assessed: %2.</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>Verksamhetschef</source>
        <translation>Head of unit</translation>
    </message>
    <message>
        <source>Studierektor</source>
        <translation>Director of studies</translation>
    </message>
    <message>
        <source>Övergripande studierektor</source>
        <translation>Overall director of studies</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Ny enhet</source>
        <translation>New unit</translation>
    </message>
    <message>
        <source>&amp;Verksamhet:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>Sjukh&amp;us / vårdcentral:</source>
        <translation>Hos&amp;pital / health centre:</translation>
    </message>
    <message>
        <source>Vård&amp;givare:</source>
        <translation>&amp;Care provider:</translation>
    </message>
    <message>
        <source>S&amp;pecialitet:</source>
        <translation>&amp;Specialty:</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Kontaktpersoner, rapportens mottagare</source>
        <translation>Contacts, the report&apos;s recipients</translation>
    </message>
    <message>
        <source>&amp;Lägg till kontakt</source>
        <translation>&amp;Add contact</translation>
    </message>
    <message>
        <source>&amp;Ta bort kontakt</source>
        <translation>&amp;Remove contact</translation>
    </message>
    <message>
        <source>Kontakterna är rapportens mottagare. Inspektionernas egna uppgifter om verksamheten ändras inte här; rapporterna skrivs som de är.</source>
        <translation>The contacts are the report&apos;s recipients. The inspections&apos; own details of the unit are not changed here; their reports are written as they are.</translation>
    </message>
    <message>
        <source>Kontaktpersoner:</source>
        <translation>Contacts:</translation>
    </message>
    <message>
        <source>Enheten kan inte sparas</source>
        <translation>The unit cannot be saved</translation>
    </message>
</context>
<context>
    <name>UnitMode</name>
    <message>
        <source>Utkastet kan inte sparas</source>
        <translation>The draft cannot be saved</translation>
    </message>
    <message>
        <source>Svaret kan inte exporteras</source>
        <translation>The response cannot be exported</translation>
    </message>
    <message>
        <source>Svaret är exporterat</source>
        <translation>The response is exported</translation>
    </message>
    <message>
        <source>Skicka filen %1 till inspektörerna.</source>
        <translation>Send the file %1 to the inspectors.</translation>
    </message>
    <message>
        <source>Stäng ändå</source>
        <translation>Close anyway</translation>
    </message>
</context>
<context>
    <name>UnitWindow</name>
    <message>
        <source>Planerad åtgärd</source>
        <translation>Planned action</translation>
    </message>
    <message>
        <source>Datum när åtgärden ska vara genomförd</source>
        <translation>Date by which the action is to be completed</translation>
    </message>
    <message>
        <source>Ansvarig för genomförandet</source>
        <translation>Responsible for carrying it out</translation>
    </message>
    <message>
        <source>Datum för uppföljning</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>Ansvarig för uppföljningen</source>
        <translation>Responsible for the follow-up</translation>
    </message>
    <message>
        <source>Kommentar från verksamheten</source>
        <translation>Comment from the unit</translation>
    </message>
    <message>
        <source>Klart senast</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Ansvarig för uppföljning</source>
        <translation>Responsible for follow-up</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Handlingsplan – %1 (verksamhetens läge)</source>
        <translation>Action plan – %1 (unit mode)</translation>
    </message>
    <message>
        <source>Handlingsplan</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>Rapport (kan inte ändras)</source>
        <translation>Report (cannot be changed)</translation>
    </message>
    <message>
        <source>Skicka handlingsplanen till inspektörerna senast %1.</source>
        <translation>Send the action plan to the inspectors by %1.</translation>
    </message>
    <message>
        <source>Inspektörerna har inte angett när handlingsplanen ska vara inskickad.</source>
        <translation>The inspectors have not said by when the action plan is due.</translation>
    </message>
    <message>
        <source>Fyll i handlingsplanen för bristerna som granskningen påvisade. Där det står ”Åtgärder krävs” ska verksamheten ange en åtgärd; där det står ”Åtgärder rekommenderas” är en åtgärd frivillig men önskvärd. Lämnas datum för uppföljning tomt blir det sex månader efter att planen har kommit in. Rapporten kan inte ändras. När listan nedan är tom kan svaret exporteras och skickas till inspektörerna.</source>
        <translation>Fill in the action plan for the deficiencies the inspection found. Where it says “Action required” the unit must give an action; where it says “Action recommended” an action is optional but desirable. A follow-up date left empty becomes six months after the plan arrived. The report cannot be changed. When the list below is empty, the answer can be exported and sent to the inspectors.</translation>
    </message>
    <message>
        <source>Brist</source>
        <translation>Deficiency</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD eller ”kontinuerligt”</source>
        <translation>YYYY-MM-DD or “kontinuerligt”</translation>
    </message>
    <message>
        <source>Lägg till rad för samma brist</source>
        <translation>Add a row for the same deficiency</translation>
    </message>
    <message>
        <source>Ta bort rad</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>Spara utkast…</source>
        <translation>Save draft…</translation>
    </message>
    <message>
        <source>Spara arbetet för att fortsätta senare; utkastet kan inte importeras.</source>
        <translation>Save the work to continue later; the draft cannot be imported.</translation>
    </message>
    <message>
        <source>Exportera svar…</source>
        <translation>Export reply…</translation>
    </message>
    <message>
        <source>Fältet kan inte sparas</source>
        <translation>The field cannot be saved</translation>
    </message>
    <message>
        <source>Ingen brist vald</source>
        <translation>No deficiency selected</translation>
    </message>
    <message>
        <source>Rader kan bara läggas till för de brister som rapporten listar.</source>
        <translation>Rows can only be added for the deficiencies the report lists.</translation>
    </message>
    <message>
        <source>Raden kan inte tas bort</source>
        <translation>The row cannot be removed</translation>
    </message>
    <message>
        <source>Att åtgärda innan svaret kan skickas:</source>
        <translation>To fix before the reply can be sent:</translation>
    </message>
    <message>
        <source>Handlingsplanen är komplett och kan exporteras.</source>
        <translation>The action plan is complete and can be exported.</translation>
    </message>
    <message>
        <source>Exportera svar</source>
        <translation>Export reply</translation>
    </message>
    <message>
        <source>spurdesk-paket (*.spur)</source>
        <translation>spurdesk packages (*.spur)</translation>
    </message>
    <message>
        <source>Spara utkast</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Stäng utan att exportera?</source>
        <translation>Close without exporting?</translation>
    </message>
    <message>
        <source>Ändringarna i handlingsplanen har inte exporterats och går förlorade.</source>
        <translation>The changes to the action plan have not been exported and will be lost.</translation>
    </message>
    <message>
        <source>Paketet kan inte öppnas</source>
        <translation>The package cannot be opened</translation>
    </message>
</context>
<context>
    <name>UnitsModel</name>
    <message>
        <source>Försenad</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Ingen SPUR</source>
        <translation>No SPUR</translation>
    </message>
    <message>
        <source>Snart</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>I tid</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Läge</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Verksamhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Sjukhus / vårdcentral</source>
        <translation>Hospital / health centre</translation>
    </message>
    <message>
        <source>Vårdgivare</source>
        <translation>Care provider</translation>
    </message>
    <message>
        <source>Specialitet</source>
        <translation>Specialty</translation>
    </message>
    <message>
        <source>Inspektioner</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Senaste SPUR</source>
        <translation>Last SPUR</translation>
    </message>
    <message>
        <source>Nästa SPUR senast</source>
        <translation>Next SPUR due</translation>
    </message>
    <message>
        <source>Uppföljning av brister</source>
        <translation>Follow-up of deficiencies</translation>
    </message>
    <message numerus="yes">
        <source>%n öppen/öppna</source>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n försenad(e)</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>Ett SPUR-intervall (Inställningar → Enheter) efter den senaste SPUR-inspektionen.</source>
        <translation>One SPUR interval (Settings → Units) after the last SPUR inspection.</translation>
    </message>
</context>
<context>
    <name>UnitsWindow</name>
    <message>
        <source>Enhetsregistret kan inte läsas</source>
        <translation>The register of units cannot be read</translation>
    </message>
    <message numerus="yes">
        <source>%n enhet(er)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n behöver åtgärdas</source>
        <translation>
            <numerusform>%n needs attention</numerusform>
            <numerusform>%n need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>Inga försenade</source>
        <translation>None overdue</translation>
    </message>
    <message>
        <source>Ingen enhet vald</source>
        <translation>No unit selected</translation>
    </message>
    <message>
        <source>Välj en enhet i listan först.</source>
        <translation>Select a unit in the list first.</translation>
    </message>
    <message>
        <source>CSV-fil (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>Word-dokument (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Exportera enheterna</source>
        <translation>Export the units</translation>
    </message>
    <message>
        <source>Listan kan inte exporteras</source>
        <translation>The list cannot be exported</translation>
    </message>
    <message>
        <source>Enheter – spurdesk</source>
        <translation>Units – spurdesk</translation>
    </message>
    <message>
        <source>Sök enhet, sjukhus, vårdgivare…</source>
        <translation>Search unit, hospital, care provider…</translation>
    </message>
    <message>
        <source>Sök enhet</source>
        <translation>Search unit</translation>
    </message>
    <message>
        <source>Bara de som står på tur</source>
        <translation>Only those due</translation>
    </message>
    <message>
        <source>&amp;Redigera…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Ny enhet…</source>
        <translation>&amp;New unit…</translation>
    </message>
    <message>
        <source>&amp;Slå ihop dubbletter…</source>
        <translation>&amp;Merge duplicates…</translation>
    </message>
    <message>
        <source>Exportera CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Exportera Word…</source>
        <translation>Export Word…</translation>
    </message>
    <message>
        <source>Enheter och när nästa SPUR ska göras</source>
        <translation>Units and when the next SPUR is due</translation>
    </message>
</context>
<context>
    <name>coinspector</name>
    <message>
        <source>Kopia för medinspektör (*.spur)</source>
        <translation>Copy for a co-inspector (*.spur)</translation>
    </message>
    <message>
        <source>Skicka till medinspektör</source>
        <translation>Send to co-inspector</translation>
    </message>
    <message>
        <source>Kopian kunde inte skapas</source>
        <translation>The copy could not be made</translation>
    </message>
    <message>
        <source>Ta emot kopia från medinspektör</source>
        <translation>Receive a copy from a co-inspector</translation>
    </message>
    <message>
        <source>Kopian kan inte tas emot</source>
        <translation>The copy cannot be received</translation>
    </message>
    <message>
        <source>Ta emot inspektion</source>
        <translation>Receive an inspection</translation>
    </message>
    <message>
        <source>Kopian från %1 innehåller inspektionen %2, som inte finns i biblioteket.</source>
        <translation>The copy from %1 holds the inspection %2, which is not in the library.</translation>
    </message>
    <message>
        <source>Lägg till inspektionen</source>
        <translation>Add the inspection</translation>
    </message>
    <message>
        <source>Den blir samma inspektion som medinspektörens, så att era kopior kan slås ihop när ni skickar dem till varandra.</source>
        <translation>It becomes the same inspection as your co-inspector&apos;s, so that your copies merge when you send them to each other.</translation>
    </message>
    <message>
        <source>Inspektionen har ändrats sedan förhandsvisningen öppnades. Avbryt och ta emot kopian igen.</source>
        <translation>The inspection has changed since the preview was opened. Cancel and receive the copy again.</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>Status för %1</source>
        <extracomment>A pause longer than this ends a typing burst: the next keystroke starts a new undo step. Where the edit is seen (the inspection window&apos;s page key), set by the page pushing it.</extracomment>
        <translation>Status of %1</translation>
    </message>
    <message>
        <source>Gradering av %1</source>
        <translation>Grade of %1</translation>
    </message>
    <message>
        <source>Ändrad gradering av %1</source>
        <translation>Revised grade of %1</translation>
    </message>
    <message>
        <source>Tilldela avsnitt %1</source>
        <translation>Assign section %1</translation>
    </message>
    <message>
        <source>Sammanslagning med kopia från %1</source>
        <translation>Merge with the copy from %1</translation>
    </message>
    <message>
        <source>Ny punkt under %1</source>
        <translation>New item under %1</translation>
    </message>
    <message>
        <source>Nytt underlag</source>
        <translation>New material</translation>
    </message>
    <message>
        <source>Begär underlag enligt listan</source>
        <translation>Request material from checklist</translation>
    </message>
    <message>
        <source>Ta bort underlag</source>
        <translation>Remove material</translation>
    </message>
    <message>
        <source>Ändra underlag</source>
        <translation>Edit material</translation>
    </message>
    <message>
        <source>Bifoga fil</source>
        <translation>Attach file</translation>
    </message>
    <message>
        <source>Ta bort fil</source>
        <translation>Remove file</translation>
    </message>
    <message>
        <source>Flytta punkt</source>
        <translation>Move item</translation>
    </message>
    <message>
        <source>Ta bort punkt</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <source>Ny rad i handlingsplanen</source>
        <translation>New action plan row</translation>
    </message>
    <message>
        <source>Ändra rad i handlingsplanen</source>
        <translation>Edit action plan row</translation>
    </message>
    <message>
        <source>Ta bort rad i handlingsplanen</source>
        <translation>Remove action plan row</translation>
    </message>
    <message>
        <source>Skapa rader från brister</source>
        <translation>Create rows from deficiencies</translation>
    </message>
    <message>
        <source>Ändra uppgifter om granskningen</source>
        <translation>Edit inspection details</translation>
    </message>
    <message>
        <source>Ändra inspektörer</source>
        <translation>Edit inspectors</translation>
    </message>
    <message>
        <source>Ändra intervjuade grupper</source>
        <translation>Edit groups interviewed</translation>
    </message>
    <message>
        <source>Ändra status</source>
        <translation>Change status</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Rätta filen (raden anges ovan) eller flytta den ur kriteriemappen och starta om spurdesk. De övriga kriterieuppsättningarna går att använda som vanligt.</source>
        <translation>Correct the file (the line is given above) or move it out of the criteria folder and restart spurdesk. The other criteria sets can be used as usual.</translation>
    </message>
    <message>
        <source>Installera den senaste versionen av spurdesk för att öppna det här biblioteket. Under tiden kan du öppna ett annat bibliotek under Arkiv → Öppna bibliotek…</source>
        <translation>Install the latest version of spurdesk to open this library. Meanwhile you can open another library with File → Open library…</translation>
    </message>
    <message>
        <source>Du kan återställa den senaste säkerhetskopian; den skadade filen sparas då under ett nytt namn bredvid biblioteket.</source>
        <translation>You can restore the newest backup; the damaged file is then kept under a new name beside the library.</translation>
    </message>
    <message>
        <source>Stäng spurdesk i det andra fönstret eller på den andra datorn och försök igen, eller öppna biblioteket skrivskyddat för att läsa och exportera.</source>
        <translation>Close spurdesk in the other window or on the other computer and try again, or open the library read-only to read and export.</translation>
    </message>
    <message>
        <source>Öppna biblioteket skrivskyddat för att läsa och exportera, eller kopiera det till en mapp där du får skriva och arbeta vidare i kopian.</source>
        <translation>Open the library read-only to read and export, or copy it to a folder you may write to and work on in the copy.</translation>
    </message>
    <message>
        <source>Biblioteket är öppnat skrivskyddat. Stäng det andra programmet som använder det och öppna biblioteket igen (Arkiv → Senaste bibliotek) för att kunna ändra.</source>
        <translation>The library is open read-only. Close the other program using it and open the library again (File → Recent libraries) to make changes.</translation>
    </message>
    <message>
        <source>Inget har ändrats. Rätta uppgiften och försök igen.</source>
        <translation>Nothing has been changed. Correct the entry and try again.</translation>
    </message>
    <message>
        <source>Inget har ändrats. Försök igen; om felet kvarstår, kontakta supporten.</source>
        <translation>Nothing has been changed. Try again; if the problem persists, contact support.</translation>
    </message>
    <message>
        <source>spurdesk – det gick inte</source>
        <translation>spurdesk – that did not work</translation>
    </message>
    <message>
        <source>Felmeddelande</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Biblioteket är skadat</source>
        <translation>The library is damaged</translation>
    </message>
    <message>
        <source>Återställ säkerhetskopian</source>
        <translation>Restore the backup</translation>
    </message>
    <message>
        <source>Vill du återställa säkerhetskopian {name}?</source>
        <translation>Do you want to restore the backup {name}?</translation>
    </message>
    <message>
        <source>Skapa ett nytt bibliotek?</source>
        <translation>Create a new library?</translation>
    </message>
    <message>
        <source>Det finns inget bibliotek i {path}.</source>
        <translation>There is no library at {path}.</translation>
    </message>
    <message>
        <source>Skapa biblioteket</source>
        <translation>Create the library</translation>
    </message>
    <message>
        <source>Vill du skapa ett nytt, tomt bibliotek där? Ville du öppna ett befintligt bibliotek, kontrollera sökvägen och välj Avbryt.</source>
        <translation>Do you want to create a new, empty library there? If you meant to open an existing library, check the path and choose Cancel.</translation>
    </message>
    <message>
        <source>Biblioteket är skrivskyddat</source>
        <extracomment>The answers of `ask_read_only_place`.</extracomment>
        <translation>The library is read-only</translation>
    </message>
    <message>
        <source>Kopiera till en annan mapp…</source>
        <translation>Copy to another folder…</translation>
    </message>
    <message>
        <source>Biblioteket används redan</source>
        <translation>The library is already in use</translation>
    </message>
    <message>
        <source>Öppna skrivskyddat</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>Vill du öppna biblioteket skrivskyddat?</source>
        <translation>Do you want to open the library read-only?</translation>
    </message>
    <message>
        <source>Kriteriefiler kunde inte läsas</source>
        <translation>Criteria files could not be read</translation>
    </message>
    <message>
        <source>Kriteriefiler som inte kunde läsas och därför inte används: %1</source>
        <translation>Criteria files that could not be read and are therefore not used: %1</translation>
    </message>
</context>
<context>
    <name>exchange</name>
    <message>
        <source>spurdesk-paket (*.spur)</source>
        <extracomment>What the unit gets, by its key in spurdesk.outputs.OUTPUTS.</extracomment>
        <translation>spurdesk packages (*.spur)</translation>
    </message>
    <message>
        <source>Word-dokument (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Filen kunde inte skapas</source>
        <translation>The file could not be created</translation>
    </message>
    <message>
        <source>Importera svar från verksamheten</source>
        <translation>Import the unit&apos;s reply</translation>
    </message>
    <message>
        <source>Svar från verksamheten (*.spur *.docx)</source>
        <translation>Replies from the unit (*.spur *.docx)</translation>
    </message>
    <message>
        <source>Öppna paket från inspektörerna</source>
        <translation>Open a package from the inspectors</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>PDF-dokument</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <source>Word-dokument</source>
        <translation>Word document</translation>
    </message>
    <message>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exporten är klar</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>Sparat som {path}.</source>
        <translation>Saved as {path}.</translation>
    </message>
    <message>
        <source>Öppna filen</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <source>Exporterar {name} …</source>
        <translation>Exporting {name} …</translation>
    </message>
    <message>
        <source>Exporten misslyckades</source>
        <translation>The export failed</translation>
    </message>
</context>
<context>
    <name>factcheck</name>
    <message>
        <source>spurdesk-paket (*.spur)</source>
        <translation>spurdesk packages (*.spur)</translation>
    </message>
    <message>
        <source>Word-dokument (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Filen kunde inte skapas</source>
        <translation>The file could not be created</translation>
    </message>
    <message>
        <source>Importera sakgranskning från verksamheten</source>
        <translation>Import the unit&apos;s fact check</translation>
    </message>
    <message>
        <source>Svar från verksamheten (*.spur *.docx)</source>
        <translation>Responses from the unit (*.spur *.docx)</translation>
    </message>
    <message>
        <source>%1 gäller en annan inspektion; importera filen i den inspektionens fönster.</source>
        <translation>%1 belongs to another inspection; import the file in that inspection&apos;s window.</translation>
    </message>
    <message>
        <source>Sakgranskningen kan inte importeras</source>
        <translation>The fact check cannot be imported</translation>
    </message>
    <message>
        <source>Sakgranskningen är importerad</source>
        <translation>The fact check is imported</translation>
    </message>
    <message>
        <source>%1 nya kommentarer från verksamheten.</source>
        <translation>%1 new comments from the unit.</translation>
    </message>
    <message>
        <source>Fastställ ändå</source>
        <translation>Finalise anyway</translation>
    </message>
    <message>
        <source>%1 kommentar(er) från sakgranskningen saknar beslut. Skriv varför rapporten ändå fastställs; skälet sparas i historiken.</source>
        <translation>%1 comment(s) from the fact check have no decision. Write why the report is finalised anyway; the reason is kept in the history.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Uppfyllt</source>
        <extracomment>Order of the status selector; digits 1–4 on a criterion row pick them in this order.</extracomment>
        <translation>Met</translation>
    </message>
    <message>
        <source>Delvis uppfyllt</source>
        <translation>Partly met</translation>
    </message>
    <message>
        <source>Ej uppfyllt</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>Ej bedömt</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>Föreskrift</source>
        <translation>Regulation (föreskrift)</translation>
    </message>
    <message>
        <source>Allmänna råd</source>
        <translation>General advice (allmänna råd)</translation>
    </message>
    <message>
        <source>Kvalitetsindikatorer</source>
        <translation>Quality indicators</translation>
    </message>
    <message>
        <source>Utkast</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Sakgranskning</source>
        <translation>Fact check</translation>
    </message>
    <message>
        <source>Fastställd</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Handlingsplan begärd</source>
        <translation>Action plan requested</translation>
    </message>
    <message>
        <source>Handlingsplan inkommen</source>
        <translation>Action plan received</translation>
    </message>
    <message>
        <source>Avslutad</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Styrkor</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <source>Svagheter</source>
        <translation>Weaknesses</translation>
    </message>
    <message>
        <source>Förbättringspotential</source>
        <translation>Improvement potential</translation>
    </message>
    <message>
        <source>Öppen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Genomförd</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Verifierad</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Åtgärder krävs.</source>
        <translation>Action required.</translation>
    </message>
    <message>
        <source>Åtgärder rekommenderas.</source>
        <translation>Action recommended.</translation>
    </message>
    <message>
        <source>Åtgärdad</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Kvarstår</source>
        <translation>Still open</translation>
    </message>
    <message>
        <source>Ny</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Ej bedömd</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>Bättre</source>
        <translation>Better</translation>
    </message>
    <message>
        <source>Oförändrad</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Sämre</source>
        <translation>Worse</translation>
    </message>
</context>
<context>
    <name>library_opener</name>
    <message>
        <source>Säkerhetskopian är återställd</source>
        <translation>The backup is restored</translation>
    </message>
    <message>
        <source>Biblioteket är återställt från {backup}. Ändringar gjorda efter säkerhetskopian finns inte med. Den skadade filen finns kvar som {kept}.</source>
        <translation>The library is restored from {backup}. Changes made after the backup are not included. The damaged file is kept as {kept}.</translation>
    </message>
    <message>
        <source>Kopiera biblioteket till</source>
        <translation>Copy the library to</translation>
    </message>
    <message>
        <source>spurdesk-bibliotek (*.sqlite)</source>
        <translation>spurdesk libraries (*.sqlite)</translation>
    </message>
</context>
<context>
    <name>officeSync</name>
    <message>
        <source>Synkronisera med kontoret</source>
        <translation>Sync with the office</translation>
    </message>
    <message>
        <source>Ingen anslutning till kontorets bibliotek är sparad. Ange den under Arkiv → Inställningar → Kontorsserver och synkronisera sedan igen.</source>
        <translation>No connection to the office&apos;s library is saved. Enter it under File → Settings → Office server, then sync again.</translation>
    </message>
</context>
</TS>
