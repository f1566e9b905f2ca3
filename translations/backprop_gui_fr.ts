<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../backprop_gui/ui/actions.py" line="+64"/>
        <source>&amp;Run</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run or pause the training (Space)</source>
        <translation>Lancer ou mettre en pause l&apos;entraînement (Espace)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next &amp;phase</source>
        <translation>&amp;Phase suivante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run one phase: forward pass, error, backward pass or weight update (→)</source>
        <translation>Exécuter une phase&#xa0;: propagation avant, calcul de l&apos;erreur, propagation arrière ou ajustement des poids (→)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next &amp;iteration</source>
        <translation>&amp;Itération suivante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish the current iteration: all four phases on one batch (Ctrl+→)</source>
        <translation>Terminer l&apos;itération en cours&#xa0;: les quatre phases sur un lot (Ctrl+→)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next &amp;epoch</source>
        <translation>Épo&amp;que suivante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train until every training sample has been seen once more</source>
        <translation>Entraîner jusqu&apos;à ce que chaque échantillon d&apos;entraînement ait été vu une fois de plus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reset</source>
        <translation>&amp;Réinitialiser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back to the initial weights and iteration 0 (same random draw)</source>
        <translation>Revenir aux poids initiaux et à l&apos;itération 0 (même tirage aléatoire)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New random &amp;weights</source>
        <translation>Nouveaux poids &amp;aléatoires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw new initial weights with a new seed, then start again</source>
        <translation>Tirer de nouveaux poids initiaux avec une nouvelle graine, puis recommencer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Check the gradient</source>
        <translation>&amp;Vérifier le gradient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare backpropagation with finite differences on the current batch</source>
        <translation>Comparer la rétropropagation aux différences finies sur le lot en cours</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show the &amp;numbers</source>
        <translation>Afficher les &amp;nombres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write each neuron&apos;s value and each weight on the network</source>
        <translation>Écrire la valeur de chaque neurone et chaque poids sur le réseau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset the &amp;layout</source>
        <translation>Rétablir la &amp;disposition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put every panel back where it was at the first start</source>
        <translation>Remettre chaque panneau à sa place et à sa taille du premier lancement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start again from the default network</source>
        <translation>Repartir du réseau par défaut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a network file</source>
        <translation>Ouvrir un fichier de réseau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the network, its settings and its weights</source>
        <translation>Enregistrer le réseau, ses réglages et ses poids</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;as…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the network in a new file</source>
        <translation>Enregistrer le réseau dans un nouveau fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export the training history (CSV)…</source>
        <translation>&amp;Exporter l&apos;historique d&apos;apprentissage (CSV)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the loss and gradient norms of every iteration as a CSV table</source>
        <translation>Enregistrer l&apos;erreur et les normes des gradients de chaque itération dans un tableau CSV</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the application</source>
        <translation>Fermer l&apos;application</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;How does it work?</source>
        <translation>&amp;Comment ça marche&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The four steps of an iteration, explained (F1)</source>
        <translation>Les quatre étapes d&apos;une itération, expliquées (F1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Glossary</source>
        <translation>&amp;Glossaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look up a word of the screen in the glossary (Ctrl+F)</source>
        <translation>Chercher un mot de l&apos;écran dans le glossaire (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About backprop-gui</source>
        <translation>À &amp;propos de backprop-gui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version and purpose of the application</source>
        <translation>Version et but de l&apos;application</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
</context>
<context>
    <name>Activation</name>
    <message>
        <location filename="../backprop_gui/engine/activations.py" line="+96"/>
        <source>sigmoid</source>
        <translation>sigmoïde</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>hyperbolic tangent</source>
        <translation>tangente hyperbolique</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>linear (identity)</source>
        <translation>linéaire (identité)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../backprop_gui/app.py" line="+109"/>
        <source>Cannot open the file</source>
        <translation>Impossible d&apos;ouvrir le fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file {path} could not be opened.</source>
        <translation>Impossible d&apos;ouvrir le fichier {path}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{reason}

The default network is open instead.</source>
        <translation>{reason}

Le réseau par défaut est ouvert à la place.</translation>
    </message>
</context>
<context>
    <name>BoundaryPlot</name>
    <message>
        <location filename="../backprop_gui/ui/plots/boundary_plot.py" line="+224"/>
        <source>decision_boundary</source>
        <extracomment>fr: &quot;frontiere_de_decision&quot;</extracomment>
        <translation>frontiere_de_decision</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>class {number}</source>
        <extracomment>fr: classe {number}</extracomment>
        <translation>classe {number}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show test points</source>
        <extracomment>fr: &quot;Afficher les points de test&quot;</extracomment>
        <translation>Afficher les points de test</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test points (hollow symbols) are not used for training: they show whether the boundary also holds for data the network never saw.</source>
        <extracomment>fr: &quot;Les points de test (symboles creux) ne servent pas à l&apos;entraînement : ils montrent si la frontière vaut aussi pour des données jamais vues.&quot;</extracomment>
        <translation>Les points de test (symboles creux) ne servent pas à l&apos;entraînement&#xa0;: ils montrent si la frontière vaut aussi pour des données jamais vues.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <extracomment>fr: &quot;Exporter&quot;</extracomment>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>The decision boundary is drawn for data with 1 or 2 inputs; this data set has {count}.</source>
        <extracomment>fr: &quot;La frontière de décision est tracée pour des données à 1 ou 2 entrées ; ce jeu de données en a {count}.&quot;</extracomment>
        <translation>La frontière de décision est tracée pour des données à 1 ou 2 entrées&#xa0;; ce jeu de données en a {count}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Target y and output f(x)</source>
        <extracomment>fr: &quot;Cible y et sortie f(x)&quot;</extracomment>
        <translation>Cible y et sortie f(x)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>test</source>
        <extracomment>fr: &quot;test&quot;</extracomment>
        <translation>test</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>target y (same colours)</source>
        <extracomment>fr: &quot;cible y (mêmes couleurs)&quot;</extracomment>
        <translation>cible y (mêmes couleurs)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Neuron {name} (hidden layer {layer}): its activation</source>
        <extracomment>fr: &quot;Neurone {name} (couche cachée {layer}) : son activation&quot;</extracomment>
        <translation>Neurone {name} (couche cachée {layer})&#xa0;: son activation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Predicted class (the largest output)</source>
        <extracomment>fr: &quot;Classe prédite (la plus grande sortie)&quot;</extracomment>
        <translation>Classe prédite (la plus grande sortie)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Network output ŷ{index}; black line: ŷ{index} = {middle}</source>
        <extracomment>fr: &quot;Sortie ŷ{index} du réseau ; trait noir : ŷ{index} = {middle}&quot;</extracomment>
        <translation>Sortie ŷ{index} du réseau&#xa0;; trait noir&#xa0;: ŷ{index} = {middle}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Network output ŷ{index}</source>
        <extracomment>fr: &quot;Sortie ŷ{index} du réseau&quot;</extracomment>
        <translation>Sortie ŷ{index} du réseau</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The decision boundary will appear here.</source>
        <extracomment>fr: &quot;La frontière de décision apparaîtra ici.&quot;</extracomment>
        <translation>La frontière de décision apparaîtra ici.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Left click: add a blue point (class 1). Right click: a vermillion point (class 0). Ctrl+click: remove the nearest point.</source>
        <extracomment>fr: &quot;Clic gauche : ajouter un point bleu (classe 1). Clic droit : un point vermillon (classe 0). Ctrl+clic : retirer le point le plus proche.&quot;</extracomment>
        <translation>Clic gauche&#xa0;: ajouter un point bleu (classe 1). Clic droit&#xa0;: un point vermillon (classe 0). Ctrl+clic&#xa0;: retirer le point le plus proche.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>data</source>
        <extracomment>fr: &quot;données&quot;</extracomment>
        <translation>données</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>network output f(x)</source>
        <extracomment>fr: &quot;sortie du réseau f(x)&quot;</extracomment>
        <translation>sortie du réseau f(x)</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <location filename="../backprop_gui/engine/csv_import.py" line="+79"/>
        <source>The file is larger than {max} MB; it cannot be imported.</source>
        <translation>Le fichier dépasse {max} Mo&#xa0;; il ne peut pas être importé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file is not text: byte {byte} at position {position} cannot be decoded.</source>
        <translation>Le fichier n&apos;est pas du texte&#xa0;: l&apos;octet {byte} à la position {position} ne peut pas être décodé.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The file is not a CSV text file (it holds binary data). From a spreadsheet, save it as CSV first.</source>
        <translation>Le fichier n&apos;est pas un fichier texte CSV (il contient des données binaires). Depuis un tableur, enregistrez-le d&apos;abord au format CSV.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The file cannot be read: {reason}.</source>
        <translation>Le fichier ne peut pas être lu&#xa0;: {reason}.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Row {row} cannot be read as CSV ({reason}).</source>
        <translation>La ligne {row} ne peut pas être lue comme du CSV ({reason}).</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Row {row} names {count} columns; at most {max} can be imported.</source>
        <translation>La ligne {row} nomme {count} colonnes&#xa0;; {max} au plus peuvent être importées.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Row {row} is the header, but column {letter} has no name there.</source>
        <translation>La ligne {row} est l&apos;en-tête, mais la colonne {letter} n&apos;y a pas de nom.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Row {row} is the header, and it names two columns &quot;{column}&quot; ({first} and {second}).</source>
        <translation>La ligne {row} est l&apos;en-tête, et elle nomme deux colonnes «&#xa0;{column}&#xa0;» ({first} et {second}).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Row {row} has {count} fields, but the header (row {header_row}) has {expected}.</source>
        <translation>La ligne {row} a {count} champs, mais l&apos;en-tête (ligne {header_row}) en a {expected}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The file has more than {max} data rows; it cannot be imported.</source>
        <translation>Le fichier a plus de {max} lignes de données&#xa0;; il ne peut pas être importé.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file has a header row but no data rows.</source>
        <translation>Le fichier a une ligne d&apos;en-tête mais aucune ligne de données.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Row {row}, column &quot;{column}&quot;: the value is missing.</source>
        <translation>Ligne {row}, colonne «&#xa0;{column}&#xa0;»&#xa0;: la valeur manque.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Row {row}, column &quot;{column}&quot;: &quot;{value}&quot; is not a number.</source>
        <translation>Ligne {row}, colonne «&#xa0;{column}&#xa0;»&#xa0;: «&#xa0;{value}&#xa0;» n&apos;est pas un nombre.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Row {row}, column &quot;{column}&quot;: &quot;{value}&quot; is not a finite number.</source>
        <translation>Ligne {row}, colonne «&#xa0;{column}&#xa0;»&#xa0;: «&#xa0;{value}&#xa0;» n&apos;est pas un nombre fini.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Choose at least one target column.</source>
        <translation>Choisissez au moins une colonne cible.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no column &quot;{column}&quot;; the columns are {columns}.</source>
        <translation>Il n&apos;y a pas de colonne «&#xa0;{column}&#xa0;»&#xa0;; les colonnes sont {columns}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There is no column number {index}: the columns are numbered from 0 to {last}.</source>
        <translation>Il n&apos;y a pas de colonne numéro {index}&#xa0;: les colonnes sont numérotées de 0 à {last}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Column &quot;{column}&quot; is chosen twice as a target.</source>
        <translation>La colonne «&#xa0;{column}&#xa0;» est choisie deux fois comme cible.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every column is a target: leave at least one column as an input.</source>
        <translation>Toutes les colonnes sont des cibles&#xa0;: laissez au moins une colonne comme entrée.</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Column &quot;{column}&quot; holds numbers too large to be standardised.</source>
        <translation>La colonne «&#xa0;{column}&#xa0;» contient des nombres trop grands pour être standardisés.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Column &quot;{column}&quot; holds {count} different values; a binary target holds 2.</source>
        <translation>La colonne «&#xa0;{column}&#xa0;» contient {count} valeurs différentes&#xa0;; une cible binaire en contient 2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Column &quot;{column}&quot; holds {count} different values; a class column holds 2 to {max}.</source>
        <translation>La colonne «&#xa0;{column}&#xa0;» contient {count} valeurs différentes&#xa0;; une colonne de classes en contient de 2 à {max}.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>A binary target is a single column, but {count} were chosen.</source>
        <translation>Une cible binaire est une seule colonne, mais {count} ont été choisies.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Row {row}: with one target column per class, each row holds a single 1 and 0 elsewhere.</source>
        <translation>Ligne {row}&#xa0;: avec une colonne cible par classe, chaque ligne contient un seul 1 et des 0 ailleurs.</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <location filename="../backprop_gui/ui/csv_import_dialog.py" line="+217"/>
        <location line="+39"/>
        <source>Import a CSV file</source>
        <translation>Importer un fichier CSV</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No file chosen yet</source>
        <translation>Aucun fichier choisi pour l&apos;instant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a CSV file: a header row with the column names, then one row per sample.</source>
        <translation>Ouvrez un fichier CSV&#xa0;: une ligne d&apos;en-tête avec les noms des colonnes, puis une ligne par échantillon.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first rows of the file, as they were read.</source>
        <translation>Les premières lignes du fichier, telles qu&apos;elles ont été lues.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target column(s): what the network must predict</source>
        <translation>Colonne(s) cible(s)&#xa0;: ce que le réseau doit prédire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick the column(s) the network must predict; every other column is an input and must hold numbers.</source>
        <translation>Cochez la ou les colonnes que le réseau doit prédire&#xa0;; toutes les autres colonnes sont des entrées et doivent contenir des nombres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Standardise the inputs (mean 0, standard deviation 1)</source>
        <translation>Centrer-réduire les entrées (moyenne 0, écart type 1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rescale each input column to mean 0 and standard deviation 1, so that no column dominates the others and training converges faster.</source>
        <translation>Ramène chaque colonne d&apos;entrée à une moyenne de 0 et un écart type de 1, pour qu&apos;aucune colonne ne domine les autres et que l&apos;entraînement converge plus vite.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt *.tsv);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+75"/>
        <source>%n data row(s)</source>
        <translation>
            <numerusform>%n ligne de données</numerusform>
            <numerusform>%n lignes de données</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n colonne</numerusform>
            <numerusform>%n colonnes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{rows}, {columns}; the first {shown} rows are shown below.</source>
        <translation>{rows}, {columns}&#xa0;; les {shown} premières lignes sont affichées ci-dessous.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{rows}, {columns}.</source>
        <translation>{rows}, {columns}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tick the column(s) the network must predict.</source>
        <translation>Cochez la ou les colonnes que le réseau doit prédire.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>classification into 2 classes</source>
        <translation>classification en 2 classes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>classification into {count} classes</source>
        <translation>classification en {count} classes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>regression (predicting numbers)</source>
        <translation>régression (prédire des nombres)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready: {samples}, {inputs} → {outputs}, {task}.</source>
        <translation>Prêt&#xa0;: {samples}, {inputs} → {outputs}, {task}.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n échantillon</numerusform>
            <numerusform>%n échantillons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n input(s)</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n output(s)</source>
        <translation>
            <numerusform>%n sortie</numerusform>
            <numerusform>%n sorties</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dataset</name>
    <message>
        <location filename="../backprop_gui/engine/datasets.py" line="+71"/>
        <source>The inputs have {x_rows} rows but the targets {y_rows}.</source>
        <translation>Les entrées ont {x_rows} lignes, mais les cibles {y_rows}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A data set holds at most {max} samples, not {count}.</source>
        <translation>Un jeu de données contient au plus {max} échantillons, pas {count}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A data set has 1 to {max} input columns and 1 to {max} target columns.</source>
        <translation>Un jeu de données a de 1 à {max} colonnes d&apos;entrée et de 1 à {max} colonnes cibles.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every value of a data set must be a finite number.</source>
        <translation>Chaque valeur d&apos;un jeu de données doit être un nombre fini.</translation>
    </message>
    <message>
        <location filename="../backprop_gui/engine/csv_import.py" line="-162"/>
        <location filename="../backprop_gui/engine/datasets.py" line="+4"/>
        <source>Unknown task &quot;{task}&quot;: it is binary, multiclass or regression.</source>
        <translation>Tâche «&#xa0;{task}&#xa0;» inconnue&#xa0;: les tâches sont binary (binaire), multiclass (multiclasse) et regression (régression).</translation>
    </message>
    <message>
        <location filename="../backprop_gui/engine/datasets.py" line="+19"/>
        <source>{count} names were given for {expected} columns.</source>
        <translation>{count} noms ont été donnés pour {expected} colonnes.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>A regression data set has no classes.</source>
        <translation>Un jeu de données de régression n&apos;a pas de classes.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The inputs and the targets must be tables of numbers.</source>
        <translation>Les entrées et les cibles doivent être des tableaux de nombres.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A binary target is a single column of 0 and 1.</source>
        <translation>Une cible binaire est une seule colonne de 0 et de 1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A multiclass target has a column per class, and each row holds a single 1.</source>
        <translation>Une cible multiclasse a une colonne par classe, et chaque ligne contient un seul 1.</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>XOR (4 points)</source>
        <translation>XOR (4 points)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The four rows of the XOR truth table: (0, 0) → 0, (0, 1) → 1, (1, 0) → 1, (1, 1) → 0. No straight line separates the two classes: a hidden layer is needed.</source>
        <translation>Les quatre lignes de la table de vérité du XOR&#xa0;: (0, 0) → 0, (0, 1) → 1, (1, 0) → 1, (1, 1) → 0. Aucune droite ne sépare les deux classes&#xa0;: il faut une couche cachée.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>XOR (cloud)</source>
        <translation>XOR (nuage)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points in the four quarters of the plane: class 1 where x1 and x2 have opposite signs, class 0 elsewhere.</source>
        <translation>Des points dans les quatre quarts du plan&#xa0;: classe 1 là où x1 et x2 sont de signes opposés, classe 0 ailleurs.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Circles</source>
        <translation>Cercles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A disc (class 1) inside a ring (class 0). The boundary is a circle, which a single neuron cannot draw.</source>
        <translation>Un disque (classe 1) dans un anneau (classe 0). La frontière est un cercle, qu&apos;un neurone seul ne peut pas tracer.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Two clusters</source>
        <translation>Deux groupes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two Gaussian clusters, one per class. A straight line almost separates them; noise makes them overlap.</source>
        <translation>Deux groupes gaussiens, un par classe. Une droite les sépare presque&#xa0;; le bruit les fait se chevaucher.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Spirals</source>
        <translation>Spirales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two interleaved spirals, one per class. Hard: it takes several hidden layers or many neurons.</source>
        <translation>Deux spirales entrelacées, une par classe. Difficile&#xa0;: il faut plusieurs couches cachées ou beaucoup de neurones.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Moons</source>
        <translation>Lunes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two interleaved half moons, one per class.</source>
        <translation>Deux demi-lunes imbriquées, une par classe.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Plane (regression)</source>
        <translation>Plan (régression)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regression: y = 0.8·x1 − 0.5·x2, plus noise. A network without a hidden layer and with a linear output fits it.</source>
        <translation>Régression&#xa0;: y = 0,8·x1 − 0,5·x2, plus du bruit. Un réseau sans couche cachée, avec une sortie linéaire, l&apos;apprend.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sine (regression)</source>
        <translation>Sinus (régression)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regression: y = sin(x), plus noise, for x from −π to π. One input.</source>
        <translation>Régression&#xa0;: y = sin(x), plus du bruit, pour x de −π à π. Une entrée.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Three clusters</source>
        <translation>Trois groupes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three Gaussian clusters, one per class: one output neuron per class, with softmax.</source>
        <translation>Trois groupes gaussiens, un par classe&#xa0;: un neurone de sortie par classe, avec softmax.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The seed must be a whole number from 0 to {max}, not {value}.</source>
        <translation>La graine doit être un nombre entier de 0 à {max}, pas {value}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>There is no built-in data set named &quot;{name}&quot;.</source>
        <translation>Il n&apos;y a pas de jeu de données intégré nommé «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The number of samples must be a whole number from {min} to {max}, not {value}.</source>
        <translation>Le nombre d&apos;échantillons doit être un nombre entier de {min} à {max}, pas {value}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The noise must be a number from 0 to 1, not {value}.</source>
        <translation>Le bruit doit être un nombre de 0 à 1, pas {value}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The test fraction must be a number from 0 to {max}, not {value}.</source>
        <translation>La part de test doit être un nombre de 0 à {max}, pas {value}.</translation>
    </message>
</context>
<context>
    <name>DatasetGroup</name>
    <message>
        <location filename="../backprop_gui/ui/controls_dataset.py" line="+145"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data set</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noise</source>
        <translation>Bruit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How much random jitter blurs the samples, from 0 (none) to 1. — Glossary: training data</source>
        <translation>À quel point un bruit aléatoire brouille les échantillons, de 0 (aucun) à 1. — Glossaire&#xa0;: données d&apos;entraînement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Samples</source>
        <translation>Échantillons</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How many samples the data set holds, training and test together. — Glossary: training data</source>
        <translation>Combien d&apos;échantillons contient le jeu de données, entraînement et test ensemble. — Glossaire&#xa0;: données d&apos;entraînement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test share</source>
        <translation>Part de test</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The percentage of samples kept aside to test the network on data it never trained on. — Glossary: test data</source>
        <translation>Le pourcentage d&apos;échantillons mis de côté pour tester le réseau sur des données qu&apos;il n&apos;a jamais apprises. — Glossaire&#xa0;: données de test</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data seed</source>
        <translation>Graine des données</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The number that fixes the random samples and the train/test split: the same seed gives the same data. — Glossary: training data</source>
        <translation>Le nombre qui fixe les échantillons aléatoires et le partage entraînement/test&#xa0;: la même graine donne les mêmes données. — Glossaire&#xa0;: données d&apos;entraînement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New seed</source>
        <translation>Nouvelle graine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw new random samples with a new seed.</source>
        <translation>Tirer de nouveaux échantillons aléatoires avec une nouvelle graine.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The samples imported from a CSV file, stored in the document.</source>
        <translation>Les échantillons importés d&apos;un fichier CSV, enregistrés dans le document.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import a CSV file…</source>
        <translation>Importer un fichier CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a CSV file of your own and the column(s) to predict.</source>
        <translation>Choisir votre propre fichier CSV et la ou les colonnes à prédire.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Imported: {name}</source>
        <translation>Importé&#xa0;: {name}</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Imported data (%n sample(s))</source>
        <translation>
            <numerusform>Données importées (%n échantillon)</numerusform>
            <numerusform>Données importées (%n échantillons)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The samples the network learns from; pick a built-in set or import a CSV file. — Glossary: training data</source>
        <translation>Les échantillons dont le réseau apprend&#xa0;; choisissez un jeu intégré ou importez un fichier CSV. — Glossaire&#xa0;: données d&apos;entraînement</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../backprop_gui/document/errors.py" line="+135"/>
        <source>The network has layers {found} but the document has layers {expected}.</source>
        <translation>Le réseau a les couches {found}, mais le document a les couches {expected}.</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>{field} must be an object, not {found}.</source>
        <translation>{field} doit être un objet, pas {found}.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>{field} is not a known field.</source>
        <translation>{field} n&apos;est pas un champ connu.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>{field} is missing.</source>
        <translation>{field} manque.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} must be a list, not {found}.</source>
        <translation>{field} doit être une liste, pas {found}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} must be a whole number, not {found}.</source>
        <translation>{field} doit être un nombre entier, pas {found}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{field} must be between {low} and {high}, not {found}.</source>
        <translation>{field} doit être compris entre {low} et {high}, pas {found}.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>{field} must be a number, not {found}.</source>
        <translation>{field} doit être un nombre, pas {found}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} must be a finite number, not {found}.</source>
        <translation>{field} doit être un nombre fini, pas {found}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field} must be at least {low}, not {found}.</source>
        <translation>{field} doit valoir au moins {low}, pas {found}.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>{field} must be a text, not {found}.</source>
        <translation>{field} doit être un texte, pas {found}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field} is {length} characters long; the limit is {limit}.</source>
        <translation>{field} fait {length} caractères&#xa0;; la limite est {limit}.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>{field} contains an invalid character.</source>
        <translation>{field} contient un caractère non valide.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>This is not a backprop-gui network document: &quot;format&quot; is {found}, not {expected}.</source>
        <translation>Ce n&apos;est pas un document de réseau backprop-gui&#xa0;: «&#xa0;format&#xa0;» vaut {found}, pas {expected}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This document was made by a newer version of backprop-gui (format version {version}; this one reads up to version {supported}).</source>
        <translation>Ce document a été créé par une version plus récente de backprop-gui (format en version {version}&#xa0;; celle-ci lit jusqu&apos;à la version {supported}).</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{field} is {found}, not one of {known}.</source>
        <translation>{field} vaut {found}, qui n&apos;est pas parmi {known}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} has shape {found}, expected {expected}.</source>
        <translation>{field} a la forme {found}&#xa0;; forme attendue&#xa0;: {expected}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} has shape {found}, expected {expected} for layers {layers}.</source>
        <translation>{field} a la forme {found}&#xa0;; forme attendue pour les couches {layers}&#xa0;: {expected}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} has {count} rows, expected {expected}.</source>
        <translation>{field} a {count} lignes&#xa0;; {expected} attendues.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} has {count} values, expected {expected}.</source>
        <translation>{field} a {count} valeurs&#xa0;; {expected} attendues.</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>This is not a network document: its top level is not a JSON object.</source>
        <translation>Ce n&apos;est pas un document de réseau&#xa0;: son niveau supérieur n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a backprop-gui network document: &quot;format&quot; is missing.</source>
        <translation>Ce n&apos;est pas un document de réseau backprop-gui&#xa0;: «&#xa0;format&#xa0;» manque.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>version {version} does not exist; versions start at 1.</source>
        <translation>La version {version} n&apos;existe pas&#xa0;; les versions commencent à 1.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>layer_sizes has {count} layers; a network has from 2 to {limit}.</source>
        <translation>layer_sizes a {count} couches&#xa0;; un réseau en a de 2 à {limit}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>layer_sizes gives {count} weights and biases; the limit is {limit}.</source>
        <translation>layer_sizes donne {count} poids et biais&#xa0;; la limite est {limit}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>activations has {count} names, expected {expected} (one per layer after the inputs).</source>
        <translation>activations a {count} noms&#xa0;; {expected} attendus (un par couche après les entrées).</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>{field} must be greater than 0 and at most {high}, not {found}.</source>
        <translation>{field} doit être strictement positif et au plus {high}, pas {found}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} must be at least 0 and less than 1, not {found}.</source>
        <translation>{field} doit être supérieur ou égal à 0 et inférieur à 1, pas {found}.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>dataset.csv is missing: the data set &quot;csv&quot; carries its own samples.</source>
        <translation>dataset.csv manque&#xa0;: le jeu de données «&#xa0;csv&#xa0;» contient ses propres échantillons.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} must be null for the data set &quot;csv&quot;, not {found}.</source>
        <translation>{field} doit être null pour le jeu de données «&#xa0;csv&#xa0;», pas {found}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dataset.csv must be null for the built-in data set {name}.</source>
        <translation>dataset.csv doit être null pour le jeu de données intégré {name}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} has {count} names, but the network has {expected} inputs.</source>
        <translation>{field} a {count} noms, mais le réseau a {expected} entrées.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} has {count} names, but a {task} data set here has {expected} classes.</source>
        <translation>{field} a {count} noms, mais un jeu de données {task} a ici {expected} classes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} has {count} names, but the network has {expected} outputs.</source>
        <translation>{field} a {count} noms, mais le réseau a {expected} sorties.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} has {count} samples; from 1 to {limit} are allowed.</source>
        <translation>{field} a {count} échantillons&#xa0;; de 1 à {limit} sont permis.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>{field} is null but {other} is not: give both or neither.</source>
        <translation>{field} est null mais pas {other}&#xa0;: donnez les deux ou aucun.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>{field} has {count} entries, expected {expected} for layers {layers}.</source>
        <translation>{field} a {count} éléments&#xa0;; {expected} attendus pour les couches {layers}.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The data set {name} has {features} inputs and {targets} outputs, but the network has {inputs} inputs and {outputs} outputs.</source>
        <translation>Le jeu de données {name} a {features} entrées et {targets} sorties, mais le réseau a {inputs} entrées et {outputs} sorties.</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>This file is not UTF-8 text.</source>
        <translation>Ce fichier n&apos;est pas du texte UTF-8.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This file is not valid JSON (line {line}, column {column}).</source>
        <translation>Ce fichier n&apos;est pas du JSON valide (ligne {line}, colonne {column}).</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>This file is not valid JSON.</source>
        <translation>Ce fichier n&apos;est pas du JSON valide.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This file is too large ({size} MB); the limit is {limit} MB.</source>
        <translation>Ce fichier est trop gros ({size} Mo)&#xa0;; la limite est de {limit} Mo.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a regular file.</source>
        <translation>{path} n&apos;est pas un fichier ordinaire.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The file {path} does not exist.</source>
        <translation>Le fichier {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You are not allowed to read {path}.</source>
        <translation>Vous n&apos;avez pas le droit de lire {path}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file {path} cannot be read ({reason}).</source>
        <translation>Le fichier {path} ne peut pas être lu ({reason}).</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>You are not allowed to write {path}.</source>
        <translation>Vous n&apos;avez pas le droit d&apos;écrire {path}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file {path} cannot be saved ({reason}).</source>
        <translation>Le fichier {path} ne peut pas être enregistré ({reason}).</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../backprop_gui/ui/file_actions.py" line="+52"/>
        <source>Open a network</source>
        <translation>Ouvrir un réseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source>Networks (*.json);;All files (*)</source>
        <translation>Réseaux (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Save the network</source>
        <translation>Enregistrer le réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network.json</source>
        <translation>reseau.json</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot open the file</source>
        <translation>Impossible d&apos;ouvrir le fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} could not be opened: {reason} The open network is unchanged.</source>
        <translation>Impossible d&apos;ouvrir {path}&#xa0;: {reason} Le réseau ouvert n&apos;a pas changé.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot save the file</source>
        <translation>Impossible d&apos;enregistrer le fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} could not be saved: {reason}</source>
        <translation>Impossible d&apos;enregistrer {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The network has changes that are not saved. Save them?</source>
        <translation>Le réseau a des modifications non enregistrées. Les enregistrer&#xa0;?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Don&apos;t save</source>
        <translation>Ne pas enregistrer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../backprop_gui/ui/formatting.py" line="+89"/>
        <source>the input layer</source>
        <extracomment>fr: la couche d&apos;entrée (noun phrase with its article, it follows &quot;de&quot;)</extracomment>
        <translation>la couche d&apos;entrée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the output layer</source>
        <extracomment>fr: la couche de sortie (noun phrase with its article, it follows &quot;de&quot;)</extracomment>
        <translation>la couche de sortie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hidden layer {number}</source>
        <extracomment>fr: la couche cachée {number} (noun phrase with its article, it follows &quot;de&quot;)</extracomment>
        <translation>la couche cachée {number}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>neuron {number} of {layer}</source>
        <extracomment>fr: neurone {number} de {layer}</extracomment>
        <translation>neurone {number} de {layer}</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <location filename="../backprop_gui/glossary.py" line="+124"/>
        <source>{language!r} is not a language code.</source>
        <translation>{language!r} n&apos;est pas un code de langue.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The glossary file {path} cannot be read: {reason}</source>
        <translation>Le fichier de glossaire {path} ne peut pas être lu&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The glossary file {path} is not valid JSON (line {line}).</source>
        <translation>Le fichier de glossaire {path} n&apos;est pas du JSON valide (ligne {line}).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This is not a glossary (format {expected!r}).</source>
        <translation>Ce n&apos;est pas un glossaire (format {expected!r}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Glossary version {version!r} is not supported (only {expected}).</source>
        <translation>La version de glossaire {version!r} n&apos;est pas prise en charge (seulement {expected}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The glossary is in {found!r}, not in {expected!r}.</source>
        <translation>Le glossaire est en {found!r}, pas en {expected!r}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The glossary has no entries.</source>
        <translation>Le glossaire n&apos;a aucune entrée.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Glossary entry {number} is not an object.</source>
        <translation>L&apos;entrée de glossaire {number} n&apos;est pas un objet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Glossary entry {entry}: missing fields {missing}, unknown fields {unknown}.</source>
        <translation>Entrée de glossaire {entry}&#xa0;: champs manquants {missing}, champs inconnus {unknown}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Glossary entry {number}: the id {id!r} must be lower-case ASCII words joined by underscores.</source>
        <translation>Entrée de glossaire {number}&#xa0;: l&apos;identifiant {id!r} doit être fait de mots ASCII en minuscules reliés par des tirets bas.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Glossary entry {entry}: {field} must be a text.</source>
        <translation>Entrée de glossaire {entry}&#xa0;: {field} doit être un texte.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Glossary entry {entry}: {field} must be a list of texts.</source>
        <translation>Entrée de glossaire {entry}&#xa0;: {field} doit être une liste de textes.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The glossary has two entries with the id {id!r}.</source>
        <translation>Le glossaire a deux entrées avec l&apos;identifiant {id!r}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Glossary entry {entry} links to {target!r}, which is not another entry.</source>
        <translation>L&apos;entrée de glossaire {entry} renvoie à {target!r}, qui n&apos;est pas une autre entrée.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Glossary entry {entry} lists a link twice.</source>
        <translation>L&apos;entrée de glossaire {entry} cite deux fois le même renvoi.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Glossary entry {entry} names the screen part {part!r}, which does not exist.</source>
        <translation>L&apos;entrée de glossaire {entry} désigne la partie de l&apos;écran {part!r}, qui n&apos;existe pas.</translation>
    </message>
</context>
<context>
    <name>GlossaryLinks</name>
    <message>
        <location filename="../backprop_gui/ui/glossary_links.py" line="+77"/>
        <source>Glossary: {term}</source>
        <translation>Glossaire&#xa0;: {term}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>See “{term}” in the glossary</source>
        <translation>Voir «&#xa0;{term}&#xa0;» dans le glossaire</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <location filename="../backprop_gui/ui/glossary_panel.py" line="+216"/>
        <source>Search for a term…</source>
        <extracomment>fr: Chercher un terme…</extracomment>
        <translation>Rechercher un terme…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the glossary (accents and capitals do not matter)</source>
        <extracomment>fr: Chercher dans le glossaire (les accents et les majuscules ne comptent pas)</extracomment>
        <translation>Rechercher dans le glossaire (accents et majuscules sans importance)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous term</source>
        <extracomment>fr: Terme précédent</extracomment>
        <translation>Terme précédent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next term</source>
        <extracomment>fr: Terme suivant</extracomment>
        <translation>Terme suivant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Glossary terms</source>
        <extracomment>fr: Termes du glossaire</extracomment>
        <translation>Termes du glossaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Definition of the chosen term</source>
        <extracomment>fr: Définition du terme choisi</extracomment>
        <translation>Définition du terme choisi</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>No term matches “{text}”.</source>
        <extracomment>fr: Aucun terme ne correspond à « {text} ».</extracomment>
        <translation>Aucun terme ne correspond à «&#xa0;{text}&#xa0;».</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose a term in the list, or type a word to search for it.</source>
        <extracomment>fr: Choisissez un terme dans la liste, ou tapez un mot pour le chercher.</extracomment>
        <translation>Choisissez un terme dans la liste, ou tapez un mot pour le rechercher.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Also called:</source>
        <extracomment>fr: Aussi appelé : (with a non-breaking space before the colon)</extracomment>
        <translation>Aussi appelé&#xa0;:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Example</source>
        <extracomment>fr: Exemple</extracomment>
        <translation>Exemple</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>See also</source>
        <extracomment>fr: Voir aussi</extracomment>
        <translation>Voir aussi</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show it on screen</source>
        <extracomment>fr: Montrer à l&apos;écran</extracomment>
        <translation>Le montrer à l&apos;écran</translation>
    </message>
</context>
<context>
    <name>GradientPlot</name>
    <message>
        <location filename="../backprop_gui/ui/plots/gradient_names.py" line="+23"/>
        <source>{weight} (layer {source}→{target})</source>
        <extracomment>fr: {weight} (couche {source}→{target})</extracomment>
        <translation>{weight} (couche {source}→{target})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>layer {source}→{target}</source>
        <extracomment>fr: couche {source}→{target}</extracomment>
        <translation>couche {source}→{target}</translation>
    </message>
    <message>
        <location filename="../backprop_gui/ui/plots/gradient_plot.py" line="+330"/>
        <source>gradients</source>
        <translation>gradients</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each weight |∂E/∂w|</source>
        <translation>Par poids |∂E/∂w|</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each layer ‖∂E/∂W‖</source>
        <translation>Par couche ‖∂E/∂W‖</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each weight: the size of the gradient of every weight (small networks). Each layer: the norm of the gradient of all the weights of a layer.</source>
        <translation>Chaque poids&#xa0;: la taille du gradient de chaque poids (petits réseaux). Chaque couche&#xa0;: la norme du gradient de tous les poids d&apos;une couche.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log scale</source>
        <translation>Échelle logarithmique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gradients span several orders of magnitude: on a log scale a vanishing gradient (far smaller in the first layers) stays visible.</source>
        <translation>Les gradients s&apos;étalent sur plusieurs ordres de grandeur&#xa0;: en échelle logarithmique, un gradient qui disparaît (bien plus petit dans les premières couches) reste visible.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Iteration</source>
        <translation>Itération</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gradient ∂E/∂w of every weight appears here after the first backward pass (step 3 of an iteration).</source>
        <translation>Le gradient ∂E/∂w de chaque poids apparaît ici après la première propagation arrière (étape 3 d&apos;une itération).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>divergence</source>
        <translation>divergence</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>Click a curve to follow one weight.</source>
        <translation>Cliquez sur une courbe pour suivre un poids.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{weight}: |∂E/∂w| = {value}</source>
        <translation>{weight}&#xa0;: |∂E/∂w| = {value}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>|∂E/∂w| (each weight)</source>
        <translation>|∂E/∂w| (chaque poids)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>‖∂E/∂W‖ (each layer)</source>
        <translation>‖∂E/∂W‖ (chaque couche)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>|∂E/∂w| per layer, iteration {iteration}</source>
        <extracomment>fr: |∂E/∂w| par couche, itération {iteration}</extracomment>
        <translation>|∂E/∂w| par couche, itération {iteration}</translation>
    </message>
</context>
<context>
    <name>HowItWorksDialog</name>
    <message>
        <location filename="../backprop_gui/ui/how_it_works.py" line="+133"/>
        <source>How does it work?</source>
        <extracomment>fr: Comment ça marche ? (with a non-breaking space before &quot;?&quot;)</extracomment>
        <translation>Comment ça marche&#xa0;?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The network learns by repeating the same four steps over and over. You can watch each of them on the drawing of the network, with its numbers.</source>
        <extracomment>fr: Le réseau apprend en répétant encore et encore les quatre mêmes étapes. Chacune se voit sur le dessin du réseau, avec ses nombres.</extracomment>
        <translation>Le réseau apprend en répétant sans cesse les mêmes quatre étapes. Vous pouvez suivre chacune d&apos;elles sur le dessin du réseau, avec ses nombres.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>In the toolbar: “{button}” (→) runs this step alone.</source>
        <extracomment>fr: Dans la barre d&apos;outils : « {button} » (→) fait cette étape seule.</extracomment>
        <translation>Dans la barre d&apos;outils&#xa0;: «&#xa0;{button}&#xa0;» (→) exécute cette étape seule.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Glossary: {term}</source>
        <extracomment>fr: Glossaire : {term}</extracomment>
        <translation>Glossaire&#xa0;: {term}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One iteration</source>
        <extracomment>fr: Une itération</extracomment>
        <translation>Une itération</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>These four steps together make one iteration. Repeated thousands of times, they make the error fall: that is how the network learns.</source>
        <extracomment>fr: Ces quatre étapes forment une itération. Répétées des milliers de fois, elles font baisser l&apos;erreur : c&apos;est ainsi que le réseau apprend.</extracomment>
        <translation>Ces quatre étapes ensemble forment une itération. Répétées des milliers de fois, elles font baisser l&apos;erreur&#xa0;: c&apos;est ainsi que le réseau apprend.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{iteration}” (Ctrl+→) runs a whole iteration; “{run}” (Space) repeats iterations until you pause, and the plots follow the error as it falls.</source>
        <extracomment>fr: « {iteration} » (Ctrl+→) fait une itération entière ; « {run} » (Espace) enchaîne les itérations jusqu&apos;à la pause, et les graphiques suivent la baisse de l&apos;erreur.</extracomment>
        <translation>«&#xa0;{iteration}&#xa0;» (Ctrl+→) exécute une itération entière&#xa0;; «&#xa0;{run}&#xa0;» (Espace) répète les itérations jusqu&apos;à ce que vous fassiez pause, et les courbes suivent la baisse de l&apos;erreur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Glossary: Iteration</source>
        <extracomment>fr: Glossaire : Itération</extracomment>
        <translation>Glossaire&#xa0;: itération</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Don&apos;t show at start-up</source>
        <extracomment>fr: Ne plus afficher au démarrage</extracomment>
        <translation>Ne plus afficher au démarrage</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>An example from the data enters on the left. Each neuron multiplies the values it receives by the weights of its connections, adds them up with its bias (this gives z), then passes z through its activation function (this gives a). Layer after layer, the values move to the right until the output neurons give the network&apos;s answer.</source>
        <extracomment>fr: Un exemple des données entre par la gauche. Chaque neurone multiplie les valeurs qu&apos;il reçoit par les poids de ses connexions, les additionne avec son biais (cela donne z), puis fait passer z dans sa fonction d&apos;activation (cela donne a). Couche après couche, les valeurs avancent vers la droite jusqu&apos;aux neurones de sortie, qui donnent la réponse du réseau.</extracomment>
        <translation>Un exemple tiré des données entre par la gauche. Chaque neurone multiplie les valeurs qu&apos;il reçoit par les poids de ses connexions, les additionne avec son biais (cela donne z), puis fait passer z par sa fonction d&apos;activation (cela donne a). Couche après couche, les valeurs avancent vers la droite jusqu&apos;à ce que les neurones de sortie donnent la réponse du réseau.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The network&apos;s answer is compared with the answer we expected, the target. The loss function sums up the gap in a single number, the error E: 0 for a perfect answer, and the larger the worse the answer. The loss curve keeps track of E at every iteration.</source>
        <extracomment>fr: La réponse du réseau est comparée à la réponse attendue, la cible. La fonction de perte résume l&apos;écart en un seul nombre, l&apos;erreur E : 0 pour une réponse parfaite, et d&apos;autant plus grand que la réponse est mauvaise. La courbe de perte garde la trace de E à chaque itération.</extracomment>
        <translation>La réponse du réseau est comparée à la réponse attendue, la cible. La fonction d&apos;erreur résume l&apos;écart en un seul nombre, l&apos;erreur E&#xa0;: 0 pour une réponse parfaite, et d&apos;autant plus grande que la réponse est mauvaise. La courbe d&apos;erreur suit E à chaque itération.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Now the network goes back from right to left. Starting from the error, each neuron receives its delta δ: how much the error would change if its sum z changed a little. Thanks to the chain rule, each weight then gets its gradient ∂E/∂w, which says in which direction, and how strongly, that weight pushes the error.</source>
        <extracomment>fr: Le réseau repart maintenant de droite à gauche. En partant de l&apos;erreur, chaque neurone reçoit son delta δ : de combien l&apos;erreur changerait si sa somme z changeait un peu. Grâce à la règle de dérivation en chaîne, chaque poids obtient ensuite son gradient ∂E/∂w, qui dit dans quel sens et avec quelle force ce poids pousse l&apos;erreur.</extracomment>
        <translation>Le réseau repart maintenant de la droite vers la gauche. À partir de l&apos;erreur, chaque neurone reçoit son delta δ&#xa0;: de combien l&apos;erreur changerait si sa somme z changeait un peu. Grâce à la dérivation en chaîne, chaque poids reçoit alors son gradient ∂E/∂w, qui dit dans quel sens, et avec quelle force, ce poids pousse l&apos;erreur.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Each weight and each bias takes a small step against its gradient: Δw = −η · ∂E/∂w, where η is the learning rate. A small η gives short, safe steps; too large an η makes the error swing or explode. With the new weights, the same example gives a slightly smaller error.</source>
        <extracomment>fr: Chaque poids et chaque biais fait un petit pas dans le sens opposé à son gradient : Δw = −η · ∂E/∂w, où η est le taux d&apos;apprentissage. Un petit η donne des pas courts et sûrs ; un η trop grand fait osciller ou exploser l&apos;erreur. Avec les nouveaux poids, le même exemple donne une erreur un peu plus petite.</extracomment>
        <translation>Chaque poids et chaque biais fait un petit pas dans le sens opposé à son gradient&#xa0;: Δw = −η · ∂E/∂w, où η est le taux d&apos;apprentissage. Un petit η donne des pas courts et sûrs&#xa0;; un η trop grand fait osciller ou exploser l&apos;erreur. Avec les nouveaux poids, le même exemple donne une erreur un peu plus petite.</translation>
    </message>
</context>
<context>
    <name>HyperparametersGroup</name>
    <message>
        <location filename="../backprop_gui/ui/controls_hyperparameters.py" line="+148"/>
        <source>Hyper-parameters</source>
        <translation>Hyperparamètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate η</source>
        <translation>Taux d&apos;apprentissage η</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Learning rate (η): how far each update moves the weights against their gradient; too high and training diverges. — Glossary: learning rate</source>
        <translation>Taux d&apos;apprentissage (η)&#xa0;: de combien chaque ajustement déplace les poids dans le sens opposé à leur gradient&#xa0;; trop élevé, l&apos;entraînement diverge. — Glossaire&#xa0;: taux d&apos;apprentissage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batch size</source>
        <translation>Taille du lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full batch</source>
        <translation>Lot complet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How many training samples each iteration averages its gradient over; full batch uses them all. — Glossary: batch</source>
        <translation>Sur combien d&apos;échantillons d&apos;entraînement chaque itération moyenne son gradient&#xa0;; le lot complet les utilise tous. — Glossaire&#xa0;: lot</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Momentum</source>
        <translation>Inertie (momentum)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Momentum: the share of the previous update added to the next one, 0 for plain gradient descent. — Glossary: momentum</source>
        <translation>Inertie (momentum)&#xa0;: la part de l&apos;ajustement précédent ajoutée au suivant, 0 pour la descente de gradient simple. — Glossaire&#xa0;: inertie (momentum)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Regularization</source>
        <translation>Régularisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1 (absolute values)</source>
        <translation>L1 (valeurs absolues)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 (squares)</source>
        <translation>L2 (carrés)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Regularization: a penalty on large weights added to the error, which keeps the network from learning the noise by heart. — Glossary: regularization</source>
        <translation>Régularisation&#xa0;: une pénalité sur les grands poids, ajoutée à l&apos;erreur, qui empêche le réseau d&apos;apprendre le bruit par cœur. — Glossaire&#xa0;: régularisation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Strength</source>
        <translation>Force</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How strongly large weights are penalised (λ); used only with L1 or L2. — Glossary: regularization</source>
        <translation>À quel point les grands poids sont pénalisés (λ)&#xa0;; utilisé seulement avec L1 ou L2. — Glossaire&#xa0;: régularisation</translation>
    </message>
</context>
<context>
    <name>InlineValueEditor</name>
    <message>
        <location filename="../backprop_gui/ui/canvas/editor.py" line="+41"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a number, then press Enter (Escape cancels).</source>
        <translation>Tapez un nombre, puis appuyez sur Entrée (Échap annule).</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This is not a number.</source>
        <translation>Ce n&apos;est pas un nombre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a number between −1 000 000 and 1 000 000.</source>
        <translation>Tapez un nombre entre −1 000 000 et 1 000 000.</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <location filename="../backprop_gui/ui/inspector.py" line="+123"/>
        <source>Click a weight or a neuron on the network to see its numbers.</source>
        <extracomment>fr: Cliquez sur un poids ou un neurone du réseau pour voir ses nombres.</extracomment>
        <translation>Cliquez sur un poids ou un neurone du réseau pour voir ses nombres.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The numbers of the network are not here yet.</source>
        <extracomment>fr: Les nombres du réseau ne sont pas encore arrivés.</extracomment>
        <translation>Les nombres du réseau ne sont pas encore là.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>not computed yet — step to phase {number}: {phase}</source>
        <extracomment>fr: pas encore calculé — passez à l&apos;étape {number} : {phase}</extracomment>
        <translation>pas encore calculé — avancez jusqu&apos;à la phase {number}&#xa0;: {phase}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{label}: {value}</source>
        <extracomment>fr: {label} : {value} (French puts a space before the colon)</extracomment>
        <translation>{label}&#xa0;: {value}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Weight {weight}</source>
        <extracomment>fr: Poids {weight}</extracomment>
        <translation>Poids {weight}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From {source} to {target}.</source>
        <extracomment>fr: Du {source} au {target}. (source and target start with &quot;neurone&quot;)</extracomment>
        <translation>De {source} vers {target}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Its gradient (chain rule)</source>
        <extracomment>fr: Son gradient (dérivation en chaîne)</extracomment>
        <translation>Son gradient (dérivation en chaîne)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For sample {sample} of the batch:</source>
        <extracomment>fr: Pour l&apos;échantillon {sample} du lot :</extracomment>
        <translation>Pour l&apos;échantillon {sample} du lot&#xa0;:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>error signal of {neuron}</source>
        <extracomment>fr: signal d&apos;erreur du {neuron}</extracomment>
        <translation>signal d&apos;erreur du {neuron}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>output of {neuron}</source>
        <extracomment>fr: sortie du {neuron}</extracomment>
        <translation>sortie du {neuron}</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Mean over the batch of %n sample(s):</source>
        <extracomment>fr: Moyenne sur le lot de %n échantillon(s) :</extracomment>
        <translation>
            <numerusform>Moyenne sur le lot de %n échantillon&#xa0;:</numerusform>
            <numerusform>Moyenne sur le lot de %n échantillons&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The weight update uses this mean, not the value of one sample.</source>
        <extracomment>fr: L&apos;ajustement du poids utilise cette moyenne, pas la valeur d&apos;un seul échantillon.</extracomment>
        <translation>L&apos;ajustement des poids utilise cette moyenne, pas la valeur d&apos;un seul échantillon.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Where {delta} comes from</source>
        <extracomment>fr: D&apos;où vient {delta}</extracomment>
        <translation>D&apos;où vient {delta}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>k runs over the neurons of {layer}:</source>
        <extracomment>fr: k parcourt les neurones de {layer} :</extracomment>
        <translation>k parcourt les neurones de {layer}&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>… and %n more term(s)</source>
        <extracomment>fr: … et %n autre(s) terme(s)</extracomment>
        <translation>
            <numerusform>… et %n terme de plus</numerusform>
            <numerusform>… et %n termes de plus</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(the weights before the update, the ones backpropagation used)</source>
        <extracomment>fr: (les poids d&apos;avant l&apos;ajustement, ceux qu&apos;a utilisés la rétropropagation)</extracomment>
        <translation>(les poids d&apos;avant l&apos;ajustement, ceux qu&apos;a utilisés la rétropropagation)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>o = output of the network, t = target (expected value)</source>
        <extracomment>fr: o = sortie du réseau, t = cible (valeur attendue)</extracomment>
        <translation>o = sortie du réseau, t = cible (valeur attendue)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With cross-entropy after {activation}, the derivative f′ cancels out: δ is simply the output minus the target.</source>
        <extracomment>fr: Avec l&apos;entropie croisée après {activation}, la dérivée f′ se simplifie : δ vaut simplement la sortie moins la cible.</extracomment>
        <translation>Avec l&apos;entropie croisée après {activation}, la dérivée f′ se simplifie&#xa0;: δ est simplement la sortie moins la cible.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Softmax mixes its outputs: each output o_k depends on z_j, so all the outputs take part.</source>
        <extracomment>fr: Softmax mélange ses sorties : chaque sortie o_k dépend de z_j, donc toutes les sorties comptent.</extracomment>
        <translation>Softmax mélange ses sorties&#xa0;: chaque sortie o_k dépend de z_j, donc toutes les sorties interviennent.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Adjusting this weight</source>
        <extracomment>fr: Ajustement de ce poids</extracomment>
        <translation>Ajustement de ce poids</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>η: learning rate</source>
        <extracomment>fr: η : taux d&apos;apprentissage</extracomment>
        <translation>η&#xa0;: taux d&apos;apprentissage</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>μ = {mu}: momentum; Δprev: the step of the previous iteration.</source>
        <extracomment>fr: μ = {mu} : inertie (momentum) ; Δprec : l&apos;ajustement de l&apos;itération précédente.</extracomment>
        <translation>μ = {mu}&#xa0;: inertie (momentum)&#xa0;; Δprev&#xa0;: l&apos;ajustement de l&apos;itération précédente.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Here ∂E/∂w includes the regularization (L2: λ·w; L1: λ·sign(w)).</source>
        <extracomment>fr: ∂E/∂w comprend ici la régularisation (L2 : λ·w ; L1 : λ·signe(w)).</extracomment>
        <translation>Ici, ∂E/∂w comprend la régularisation (L2&#xa0;: λ·w&#xa0;; L1&#xa0;: λ·signe(w)).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Numbers of sample {sample} of the batch.</source>
        <extracomment>fr: Nombres de l&apos;échantillon {sample} du lot.</extracomment>
        <translation>Nombres de l&apos;échantillon {sample} du lot.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Feature: {name}</source>
        <extracomment>fr: Caractéristique : {name}</extracomment>
        <translation>Caractéristique&#xa0;: {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An input neuron passes its value on unchanged (a = x): it has neither a bias nor an activation function.</source>
        <extracomment>fr: Un neurone d&apos;entrée transmet sa valeur telle quelle (a = x) : il n&apos;a ni biais ni fonction d&apos;activation.</extracomment>
        <translation>Un neurone d&apos;entrée transmet sa valeur sans la changer (a = x)&#xa0;: il n&apos;a ni biais ni fonction d&apos;activation.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>target (expected value)</source>
        <extracomment>fr: cible (valeur attendue)</extracomment>
        <translation>cible (valeur attendue)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the share of the error that comes from this output</source>
        <extracomment>fr: la part de l&apos;erreur due à cette sortie</extracomment>
        <translation>la part de l&apos;erreur qui vient de cette sortie</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Its bias</source>
        <extracomment>fr: Son biais</extracomment>
        <translation>Son biais</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(δ averaged over the batch)</source>
        <extracomment>fr: (δ moyen sur le lot)</extracomment>
        <translation>(δ moyenné sur le lot)</translation>
    </message>
</context>
<context>
    <name>Loss</name>
    <message>
        <location filename="../backprop_gui/engine/losses.py" line="+136"/>
        <source>squared error</source>
        <translation>erreur quadratique</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cross-entropy</source>
        <translation>entropie croisée</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../backprop_gui/ui/plots/loss_plot.py" line="+345"/>
        <source>loss</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per iteration</source>
        <translation>Par itération</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per epoch</source>
        <translation>Par époque</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per iteration: the loss of each batch. Per epoch: the mean loss over each epoch (one pass over the training set).</source>
        <translation>Par itération&#xa0;: l&apos;erreur de chaque lot. Par époque&#xa0;: l&apos;erreur moyenne sur chaque époque (un passage sur tout l&apos;ensemble d&apos;entraînement).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log scale</source>
        <translation>Échelle logarithmique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A logarithmic vertical axis shows the loss still falling when it is small.</source>
        <translation>Un axe vertical logarithmique montre l&apos;erreur qui diminue encore quand elle est petite.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loss (error)</source>
        <translation>Erreur (perte)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy (%)</source>
        <translation>Exactitude (%)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>divergence</source>
        <translation>divergence</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>No iteration yet: the loss appears here during training.</source>
        <translation>Aucune itération pour l&apos;instant&#xa0;: l&apos;erreur s&apos;affiche ici pendant l&apos;entraînement.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Mean training loss {value}</source>
        <translation>Erreur moyenne d&apos;entraînement {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch loss {value}</source>
        <translation>Erreur du lot {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test loss {value}</source>
        <translation>Erreur de test {value}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Training accuracy {value}</source>
        <translation>Exactitude d&apos;entraînement {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test accuracy {value}</source>
        <translation>Exactitude de test {value}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{percent}%</source>
        <extracomment>fr: &quot;{percent} %&quot; (a space before the sign in French)</extracomment>
        <translation>{percent}&#xa0;%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Epoch</source>
        <translation>Époque</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Iteration</source>
        <translation>Itération</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../backprop_gui/ui/status_line.py" line="+15"/>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forward pass</source>
        <translation>propagation avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error computation</source>
        <translation>calcul de l&apos;erreur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backpropagation</source>
        <translation>rétropropagation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weight update</source>
        <translation>ajustement des poids</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Iteration {iteration} · Epoch {epoch} · Phase: {phase}</source>
        <translation>Itération {iteration} · Époque {epoch} · Phase&#xa0;: {phase}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> · Loss: {loss}</source>
        <translation> · Erreur&#xa0;: {loss}</translation>
    </message>
    <message>
        <location filename="../backprop_gui/ui/training_commands.py" line="+78"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <location filename="../backprop_gui/ui/document_edits.py" line="+203"/>
        <source>add a point</source>
        <translation>ajouter un point</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>remove a point</source>
        <translation>retirer un point</translation>
    </message>
    <message>
        <location filename="../backprop_gui/ui/training_commands.py" line="+12"/>
        <source>Gradient check: the largest relative gap between backpropagation and finite differences is {gap}. Below 1e-5 they agree: backpropagation computes the true gradient of the error.</source>
        <translation>Vérification du gradient&#xa0;: le plus grand écart relatif entre la rétropropagation et les différences finies vaut {gap}. En dessous de 1e-5, les deux concordent&#xa0;: la rétropropagation calcule le vrai gradient de l&apos;erreur.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gradient check: the largest relative gap between backpropagation and finite differences is {gap}. Above 1e-5 they disagree (a ReLU exactly at its kink can cause this, or a very saturated network).</source>
        <translation>Vérification du gradient&#xa0;: le plus grand écart relatif entre la rétropropagation et les différences finies vaut {gap}. Au-dessus de 1e-5, les deux ne concordent pas (une ReLU exactement à son point anguleux peut en être la cause, ou un réseau très saturé).</translation>
    </message>
    <message>
        <location filename="../backprop_gui/ui/document_edits.py" line="-123"/>
        <source>new random weights</source>
        <translation>nouveaux poids aléatoires</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>change the settings</source>
        <translation>modifier les réglages</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>change the data</source>
        <translation>modifier les données</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>change the seed</source>
        <translation>modifier la graine</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>import a CSV file</source>
        <translation>importer un fichier CSV</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>edit a weight</source>
        <translation>modifier un poids</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>edit a bias</source>
        <translation>modifier un biais</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>add a layer</source>
        <translation>ajouter une couche</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>remove a layer</source>
        <translation>supprimer une couche</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>add a neuron</source>
        <translation>ajouter un neurone</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>remove a neuron</source>
        <translation>supprimer un neurone</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>change an activation</source>
        <translation>changer une activation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>change the loss function</source>
        <translation>changer la fonction de perte</translation>
    </message>
    <message>
        <location filename="../backprop_gui/ui/main_window.py" line="+319"/>
        <source>Export the training history</source>
        <translation>Exporter l&apos;historique d&apos;apprentissage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>history.csv</source>
        <translation>historique.csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV tables (*.csv)</source>
        <translation>Tableaux CSV (*.csv)</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>The history could not be written to {path}: {reason}</source>
        <translation>L&apos;historique n&apos;a pas pu être écrit dans {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>About backprop-gui</source>
        <translation>À propos de backprop-gui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;backprop-gui {version}&lt;/h3&gt;&lt;p&gt;Learn backpropagation of the error gradient step by step: forward pass, error, backward pass and weight update, with every number shown.&lt;/p&gt;&lt;p&gt;Works offline. Free software (MIT licence).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;backprop-gui {version}&lt;/h3&gt;&lt;p&gt;Apprendre la rétropropagation du gradient de l&apos;erreur pas à pas&#xa0;: propagation avant, calcul de l&apos;erreur, propagation arrière et ajustement des poids, avec chaque nombre affiché.&lt;/p&gt;&lt;p&gt;Fonctionne hors ligne. Logiciel libre (licence MIT).&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Untitled network</source>
        <translation>Réseau sans titre</translation>
    </message>
    <message>
        <location filename="../backprop_gui/ui/window_menus.py" line="+102"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New from an &amp;example</source>
        <translation>Nouveau à partir d&apos;un &amp;exemple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Training</source>
        <translation>&amp;Apprentissage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>Apprentissage</translation>
    </message>
    <message>
        <location filename="../backprop_gui/ui/window_layout.py" line="+146"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss</source>
        <translation>Erreur (perte)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradients</source>
        <translation>Gradients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glossary</source>
        <translation>Glossaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision boundary</source>
        <translation>Frontière de décision</translation>
    </message>
    <message>
        <location filename="../backprop_gui/ui/undo_actions.py" line="+34"/>
        <location line="+17"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+17"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{action}: {edit}</source>
        <translation>{action}&#xa0;: {edit}</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../backprop_gui/ui/message_banner.py" line="+45"/>
        <source>Close this message</source>
        <translation>Fermer ce message</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <location filename="../backprop_gui/engine/losses.py" line="-42"/>
        <source>Cross-entropy compares probabilities: the output layer must use sigmoid or softmax, not {activation}.</source>
        <translation>L&apos;entropie croisée compare des probabilités&#xa0;: la couche de sortie doit utiliser sigmoïde ou softmax, pas {activation}.</translation>
    </message>
    <message>
        <location filename="../backprop_gui/engine/network.py" line="+75"/>
        <source>A network needs at least an input layer and an output layer.</source>
        <translation>Un réseau a besoin d&apos;au moins une couche d&apos;entrée et une couche de sortie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A network can have at most {limit} layers, not {count}.</source>
        <translation>Un réseau peut avoir au plus {limit} couches, pas {count}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Layer {layer} has a size that is not a whole number.</source>
        <translation>La couche {layer} a une taille qui n&apos;est pas un nombre entier.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Layer {layer} must have between 1 and {limit} neurons, not {size}.</source>
        <translation>La couche {layer} doit avoir entre 1 et {limit} neurones, pas {size}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This network would have {count} weights and biases; the limit is {limit}.</source>
        <translation>Ce réseau aurait {count} poids et biais&#xa0;; la limite est {limit}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Give one activation per layer after the input: {expected}, not {count}.</source>
        <translation>Donnez une activation par couche après l&apos;entrée&#xa0;: {expected}, pas {count}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unknown activation function {name!r} on layer {layer}.</source>
        <translation>Fonction d&apos;activation inconnue {name!r} sur la couche {layer}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} can only be used on the output layer (layer {layer} is hidden).</source>
        <translation>{name} ne peut servir que sur la couche de sortie (la couche {layer} est cachée).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Softmax shares one probability between outputs: it needs 2 outputs or more.</source>
        <translation>Softmax répartit une probabilité entre les sorties&#xa0;: il lui faut au moins 2 sorties.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown loss function {name!r}.</source>
        <translation>Fonction d&apos;erreur inconnue {name!r}.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Expected {count} weight matrices and bias vectors.</source>
        <translation>{count} matrices de poids et vecteurs de biais étaient attendus.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Weights of layer {layer} have shape {shape}, expected {expected}.</source>
        <translation>Les poids de la couche {layer} ont la forme {shape}&#xa0;; forme attendue&#xa0;: {expected}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Weights of layer {layer} must be finite numbers.</source>
        <translation>Les poids de la couche {layer} doivent être des nombres finis.</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../backprop_gui/ui/canvas/names.py" line="+39"/>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden {n}</source>
        <translation>Cachée {n}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sigmoid</source>
        <translation>sigmoïde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>linear</source>
        <translation>linéaire</translation>
    </message>
    <message>
        <location filename="../backprop_gui/ui/canvas/phase.py" line="+55"/>
        <source>1 · Forward pass: each neuron computes z, then a = f(z)</source>
        <translation>1 · Propagation avant&#xa0;: chaque neurone calcule z, puis a = f(z)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>2 · Error: each output o is compared with its target t</source>
        <translation>2 · Erreur&#xa0;: chaque sortie o est comparée à sa cible t</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>3 · Backward pass: the δ of each neuron, ∂E/∂w on the edges</source>
        <translation>3 · Propagation arrière&#xa0;: le δ de chaque neurone, ∂E/∂w sur les connexions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>4 · Weight update: w ← w − η · ∂E/∂w</source>
        <translation>4 · Ajustement des poids&#xa0;: w ← w − η · ∂E/∂w</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>1 · Forward pass</source>
        <extracomment>fr: 1 · Propagation avant</extracomment>
        <translation>1 · Propagation avant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>2 · Error</source>
        <extracomment>fr: 2 · Erreur</extracomment>
        <translation>2 · Erreur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>3 · Backward pass</source>
        <extracomment>fr: 3 · Propagation arrière</extracomment>
        <translation>3 · Propagation arrière</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>4 · Weight update</source>
        <extracomment>fr: 4 · Ajustement des poids</extracomment>
        <translation>4 · Ajustement des poids</translation>
    </message>
    <message>
        <location filename="../backprop_gui/ui/canvas/view.py" line="+272"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The neural network: layers of neurons joined by weighted edges.</source>
        <translation>Le réseau de neurones&#xa0;: des couches de neurones reliées par des connexions pondérées.</translation>
    </message>
    <message>
        <location filename="../backprop_gui/ui/canvas/remarks.py" line="+30"/>
        <source>The {shown} strongest of {total} weights are drawn.</source>
        <translation>Les {shown} poids les plus forts sur {total} sont dessinés.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Too many neurons to write their values: point at a neuron or a weight to read its value, click it for the details.</source>
        <translation>Trop de neurones pour écrire leurs valeurs&#xa0;: pointez un neurone ou un poids pour lire sa valeur, cliquez dessus pour le détail.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The numbers are hidden: they would be too small to read. Enlarge the window or close a panel, or click a neuron or a weight to read its values in the inspector.</source>
        <translation>Nombres masqués&#xa0;: ils seraient trop petits pour être lus. Agrandissez la fenêtre ou fermez un panneau, ou cliquez sur un neurone ou un poids pour lire ses valeurs dans l&apos;inspecteur.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Too many weights to write on the connections: point at one to read its value, click it for the details.</source>
        <translation>Trop de poids pour les écrire sur les connexions&#xa0;: pointez-en un pour lire sa valeur, cliquez dessus pour le détail.</translation>
    </message>
    <message>
        <location filename="../backprop_gui/ui/canvas/menu.py" line="+65"/>
        <source>The input and output layers have one neuron per column of the data set.</source>
        <translation>Les couches d&apos;entrée et de sortie ont un neurone par colonne du jeu de données.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a hidden layer after this one</source>
        <translation>Ajouter une couche cachée après celle-ci</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing comes after the output layer.</source>
        <translation>Rien ne vient après la couche de sortie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A network has at most {count} layers.</source>
        <translation>Un réseau a au plus {count} couches.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove this hidden layer</source>
        <translation>Supprimer cette couche cachée</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add a neuron to this layer</source>
        <translation>Ajouter un neurone à cette couche</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A layer has at most {count} neurons.</source>
        <translation>Une couche a au plus {count} neurones.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove this neuron</source>
        <translation>Supprimer ce neurone</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A hidden layer keeps at least one neuron.</source>
        <translation>Une couche cachée garde au moins un neurone.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Activation</source>
        <translation>Fonction d&apos;activation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inputs pass their values on unchanged.</source>
        <translation>Les entrées transmettent leurs valeurs telles quelles.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Loss function</source>
        <translation>Fonction de perte</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cross-entropy needs a sigmoid or softmax output.</source>
        <translation>L&apos;entropie croisée demande une sortie sigmoïde ou softmax.</translation>
    </message>
    <message>
        <location filename="../backprop_gui/ui/canvas/tooltips.py" line="+51"/>
        <source>Weight from {source} to {target}</source>
        <translation>Poids de {source} vers {target}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>weight w</source>
        <translation>poids w</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>∂E/∂w (batch mean)</source>
        <translation>∂E/∂w (moyenne du lot)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>∂E/∂w (this sample)</source>
        <translation>∂E/∂w (cet échantillon)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>before the update</source>
        <translation>avant l&apos;ajustement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>change Δw</source>
        <translation>variation Δw</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double-click to type a new value.</source>
        <translation>Double-cliquez pour taper une nouvelle valeur.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>input z</source>
        <translation>entrée z</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>activation a</source>
        <translation>activation a</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>target t</source>
        <translation>cible t</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>error E</source>
        <translation>erreur E</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>δ = ∂E/∂z</source>
        <translation>δ = ∂E/∂z</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>bias b</source>
        <translation>biais b</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>∂E/∂b (batch mean)</source>
        <translation>∂E/∂b (moyenne du lot)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bias before the update</source>
        <translation>biais avant l&apos;ajustement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>change Δb</source>
        <translation>variation Δb</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Values of sample {sample}; ∂E/∂… are batch means.</source>
        <translation>Valeurs de l&apos;échantillon {sample}&#xa0;; les ∂E/∂… sont des moyennes sur le lot.</translation>
    </message>
</context>
<context>
    <name>PhasePanel</name>
    <message>
        <location filename="../backprop_gui/ui/phase_panel.py" line="+96"/>
        <source>Forward pass</source>
        <extracomment>fr: Propagation avant</extracomment>
        <translation>Propagation avant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error calculation</source>
        <extracomment>fr: Calcul de l&apos;erreur</extracomment>
        <translation>Calcul de l&apos;erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backpropagation</source>
        <extracomment>fr: Rétropropagation</extracomment>
        <translation>Rétropropagation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight update</source>
        <extracomment>fr: Ajustement des poids</extracomment>
        <translation>Ajustement des poids</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Forward</source>
        <extracomment>fr: Avant</extracomment>
        <translation>Avant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <extracomment>fr: Erreur</extracomment>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backward</source>
        <extracomment>fr: Arrière</extracomment>
        <translation>Arrière</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Update</source>
        <extracomment>fr: Ajuster</extracomment>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing has been computed yet in this iteration: the next step is the forward pass.</source>
        <extracomment>fr: Rien n&apos;est encore calculé dans cette itération : la prochaine étape est la propagation avant.</extracomment>
        <translation>Rien n&apos;a encore été calculé dans cette itération&#xa0;: la prochaine étape est la propagation avant.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The inputs travel through the network layer by layer: each neuron adds up its inputs multiplied by their weights, adds its bias (this gives z), then applies its activation function to get its output a.</source>
        <extracomment>fr: Les entrées traversent le réseau couche par couche : chaque neurone additionne ses entrées multipliées par leurs poids, ajoute son biais (cela donne z), puis applique sa fonction d&apos;activation pour obtenir sa sortie a.</extracomment>
        <translation>Les entrées traversent le réseau couche par couche&#xa0;: chaque neurone additionne ses entrées multipliées par leurs poids, ajoute son biais (cela donne z), puis applique sa fonction d&apos;activation pour obtenir sa sortie a.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The outputs of the network are compared with the expected values (the targets): the error E measures how wrong the network is.</source>
        <extracomment>fr: Les sorties du réseau sont comparées aux valeurs attendues (les cibles) : l&apos;erreur E mesure à quel point le réseau se trompe.</extracomment>
        <translation>Les sorties du réseau sont comparées aux valeurs attendues (les cibles)&#xa0;: l&apos;erreur E mesure à quel point le réseau se trompe.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backward pass: going from the outputs back to the inputs, each neuron receives its share of the error (its error signal δ), which gives each weight its gradient ∂E/∂w, that is, how much it contributed to the error.</source>
        <extracomment>fr: Propagation arrière : en remontant des sorties vers les entrées, chaque neurone reçoit sa part de l&apos;erreur (son signal d&apos;erreur δ), ce qui donne pour chaque poids son gradient ∂E/∂w, c&apos;est-à-dire combien il a contribué à l&apos;erreur.</extracomment>
        <translation>Propagation arrière&#xa0;: en remontant des sorties vers les entrées, chaque neurone reçoit sa part de l&apos;erreur (son signal d&apos;erreur δ), ce qui donne à chaque poids son gradient ∂E/∂w, c&apos;est-à-dire sa contribution à l&apos;erreur.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Each weight takes a small step against its gradient, Δw = −η · ∂E/∂w, so that the error will be a little smaller next time; this completes the iteration.</source>
        <extracomment>fr: Chaque poids fait un petit pas dans le sens opposé à son gradient, Δw = −η · ∂E/∂w, pour que l&apos;erreur soit un peu plus petite la prochaine fois ; l&apos;itération est alors terminée.</extracomment>
        <translation>Chaque poids fait un petit pas dans le sens opposé à son gradient, Δw = −η · ∂E/∂w, pour que l&apos;erreur soit un peu plus petite la fois suivante&#xa0;; l&apos;itération est alors terminée.</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>The next step starts a new iteration</source>
        <extracomment>fr: La prochaine étape commence une nouvelle itération</extracomment>
        <translation>L&apos;étape suivante commence une nouvelle itération</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>↻ next iteration</source>
        <extracomment>fr: ↻ itération suivante</extracomment>
        <translation>↻ itération suivante</translation>
    </message>
    <message numerus="yes">
        <location line="+71"/>
        <source>Numbers shown: sample {sample} of the batch; the weight update uses the mean over the %n sample(s) of the batch.</source>
        <extracomment>fr: Nombres affichés : échantillon {sample} du lot ; l&apos;ajustement des poids utilise la moyenne sur les %n échantillon(s) du lot.</extracomment>
        <translation>
            <numerusform>Nombres affichés&#xa0;: échantillon {sample} du lot&#xa0;; l&apos;ajustement des poids utilise la moyenne sur le %n échantillon du lot.</numerusform>
            <numerusform>Nombres affichés&#xa0;: échantillon {sample} du lot&#xa0;; l&apos;ajustement des poids utilise la moyenne sur les %n échantillons du lot.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Sample:</source>
        <extracomment>fr: Échantillon :</extracomment>
        <translation>Échantillon&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sample of the batch whose numbers are shown</source>
        <extracomment>fr: L&apos;échantillon du lot dont les nombres sont affichés</extracomment>
        <translation>L&apos;échantillon du lot dont les nombres sont affichés</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Done</source>
        <extracomment>fr: Étape faite</extracomment>
        <translation>Fait</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The step whose numbers are shown</source>
        <extracomment>fr: Étape dont les nombres sont affichés</extracomment>
        <translation>L&apos;étape dont les nombres sont affichés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next step</source>
        <extracomment>fr: Prochaine étape</extracomment>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Still to come</source>
        <extracomment>fr: À venir</extracomment>
        <translation>À venir</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ready</source>
        <extracomment>fr: Prêt</extracomment>
        <translation>Prêt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step {number} of 4: {title}</source>
        <extracomment>fr: Étape {number} sur 4 : {title}</extracomment>
        <translation>Étape {number} sur 4&#xa0;: {title}</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Iteration {iteration} · %n epoch(s) completed</source>
        <extracomment>fr: Itération {iteration} · %n époque(s) terminée(s)</extracomment>
        <translation>
            <numerusform>Itération {iteration} · %n époque terminée</numerusform>
            <numerusform>Itération {iteration} · %n époques terminées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlotMenu</name>
    <message>
        <location filename="../backprop_gui/ui/plots/export.py" line="+167"/>
        <source>Export as PNG image…</source>
        <translation>Exporter en image PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as SVG image…</source>
        <translation>Exporter en image SVG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export data as CSV…</source>
        <translation>Exporter les données en CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset zoom</source>
        <translation>Réinitialiser le zoom</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SVG image (*.svg)</source>
        <translation>Image SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV table (*.csv)</source>
        <translation>Tableau CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export the plot</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file {path} could not be written: {reason}</source>
        <translation>Impossible d&apos;écrire le fichier {path}&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message>
        <location filename="../backprop_gui/engine/trainer.py" line="+96"/>
        <source>Unknown task {task!r}.</source>
        <translation>Tâche inconnue {task!r}.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The learning rate must be a positive number.</source>
        <translation>Le taux d&apos;apprentissage doit être un nombre strictement positif.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The batch size must be a whole number of at least 1.</source>
        <translation>La taille de lot doit être un nombre entier d&apos;au moins 1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The momentum must be between 0 and 1 (excluded).</source>
        <translation>L&apos;inertie (momentum) doit être supérieure ou égale à 0 et strictement inférieure à 1.</translation>
    </message>
    <message>
        <location line="+340"/>
        <source>Training diverged at iteration {iteration}: the error became too large to be a number. The learning rate ({learning_rate}) is probably too high: the weights jumped too far. Lower it, then reset the weights.</source>
        <translation>L&apos;apprentissage a divergé à l&apos;itération {iteration}&#xa0;: l&apos;erreur est devenue trop grande pour être un nombre. Le taux d&apos;apprentissage ({learning_rate}) est sans doute trop élevé&#xa0;: les poids ont fait des sauts trop grands. Baissez-le, puis réinitialisez les poids.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The data must be two tables with the same number of rows.</source>
        <translation>Les données doivent être deux tableaux avec le même nombre de lignes.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A softmax output predicts one class per sample: each row of targets must hold probabilities that add up to 1.</source>
        <translation>Une sortie softmax prédit une classe par échantillon&#xa0;: chaque ligne de cibles doit contenir des probabilités dont la somme vaut 1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The data has {inputs} inputs and {outputs} outputs; the network has {net_inputs} and {net_outputs}.</source>
        <translation>Les données ont {inputs} entrées et {outputs} sorties&#xa0;; le réseau en a {net_inputs} et {net_outputs}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A regularization strength must be 0 or more.</source>
        <translation>Une force de régularisation doit être positive ou nulle.</translation>
    </message>
</context>
<context>
    <name>TrainingGroup</name>
    <message>
        <location filename="../backprop_gui/ui/controls_training.py" line="+96"/>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How many iterations (forward pass, error, backward pass, update) run per second while training runs. — Glossary: iteration</source>
        <translation>Combien d&apos;itérations (propagation avant, erreur, propagation arrière, ajustement) s&apos;exécutent par seconde pendant l&apos;entraînement. — Glossaire&#xa0;: itération</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Weights seed</source>
        <translation>Graine des poids</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The number that fixes the random initial weights: the same seed gives the same starting network. — Glossary: weight initialisation</source>
        <translation>Le nombre qui fixe les poids initiaux aléatoires&#xa0;: la même graine donne le même réseau de départ. — Glossaire&#xa0;: initialisation des poids</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New seed</source>
        <translation>Nouvelle graine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw a new random seed for the initial weights.</source>
        <translation>Tirer une nouvelle graine aléatoire pour les poids initiaux.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>as fast as possible</source>
        <translation>aussi vite que possible</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n iteration(s) per second</source>
        <translation>
            <numerusform>%n itération par seconde</numerusform>
            <numerusform>%n itérations par seconde</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed: {speed}</source>
        <translation>Vitesse&#xa0;: {speed}</translation>
    </message>
</context>
</TS>
