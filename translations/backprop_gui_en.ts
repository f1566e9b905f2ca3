<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CsvImportDialog</name>
    <message numerus="yes">
        <location filename="../backprop_gui/ui/csv_import_dialog.py" line="+333"/>
        <source>%n data row(s)</source>
        <translation>
            <numerusform>%n data row</numerusform>
            <numerusform>%n data rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n sample</numerusform>
            <numerusform>%n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n input(s)</source>
        <translation>
            <numerusform>%n input</numerusform>
            <numerusform>%n inputs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n output(s)</source>
        <translation>
            <numerusform>%n output</numerusform>
            <numerusform>%n outputs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatasetGroup</name>
    <message numerus="yes">
        <location filename="../backprop_gui/ui/controls_dataset.py" line="+239"/>
        <source>Imported data (%n sample(s))</source>
        <translation>
            <numerusform>Imported data (%n sample)</numerusform>
            <numerusform>Imported data (%n samples)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message numerus="yes">
        <location filename="../backprop_gui/ui/inspector.py" line="+212"/>
        <source>Mean over the batch of %n sample(s):</source>
        <extracomment>fr: Moyenne sur le lot de %n échantillon(s) :</extracomment>
        <translation>
            <numerusform>Mean over the batch of %n sample:</numerusform>
            <numerusform>Mean over the batch of %n samples:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>… and %n more term(s)</source>
        <extracomment>fr: … et %n autre(s) terme(s)</extracomment>
        <translation>
            <numerusform>… and %n more term</numerusform>
            <numerusform>… and %n more terms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhasePanel</name>
    <message numerus="yes">
        <location filename="../backprop_gui/ui/phase_panel.py" line="+436"/>
        <source>Iteration {iteration} · %n epoch(s) completed</source>
        <extracomment>fr: Itération {iteration} · %n époque(s) terminée(s)</extracomment>
        <translation>
            <numerusform>Iteration {iteration} · %n epoch completed</numerusform>
            <numerusform>Iteration {iteration} · %n epochs completed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Numbers shown: sample {sample} of the batch; the weight update uses the mean over the %n sample(s) of the batch.</source>
        <extracomment>fr: Nombres affichés : échantillon {sample} du lot ; l&apos;ajustement des poids utilise la moyenne sur les %n échantillon(s) du lot.</extracomment>
        <translation>
            <numerusform>Numbers shown: sample {sample} of the batch; the weight update uses the mean over the %n sample of the batch.</numerusform>
            <numerusform>Numbers shown: sample {sample} of the batch; the weight update uses the mean over the %n samples of the batch.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingGroup</name>
    <message numerus="yes">
        <location filename="../backprop_gui/ui/controls_training.py" line="+129"/>
        <source>%n iteration(s) per second</source>
        <translation>
            <numerusform>%n iteration per second</numerusform>
            <numerusform>%n iterations per second</numerusform>
        </translation>
    </message>
</context>
</TS>
