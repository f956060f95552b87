// English glosses for common words of German, French, Spanish, Italian,
// Portuguese and Dutch that carry an instruction's intent (override, reveal,
// pretend, restrictions) or a harmful goal (weapon, poison, steal). The word
// clusters and most training rows are English; with a gloss, "ignoriere alle
// vorherigen Anweisungen" also yields the features of "ignore all previous
// instructions", so what the model learned in English carries over.
// Hand-written from general vocabulary (not from any data set); words that are
// also English words with another meaning ("gift", "die", "con") are left out.

const GLOSSES: Record<string, string> = {
  ignore: 'ignoriere ignoriert ignorieren ignorier ignoriert ignorez ignora ignoren ignorar ignorate ignoreer negeer negeren',
  forget: 'vergiss vergessen vergesst oublie oubliez oublier olvida olvide olvidar dimentica dimenticate dimenticare esqueça esqueca esquecer vergeet vergeten',
  disregard: 'missachte missachten',
  previous: 'vorherigen vorherige bisherigen bisherige vorigen früheren fruheren précédentes precedentes précédente précédents anteriores anterior previas previos precedenti precedente vorige eerdere',
  instructions: 'anweisungen anweisung befehle vorgaben consignes instrucciones instrucción istruzioni istruzione instruções instrucoes instrução instructies instructie',
  rules: 'regeln richtlinien règles regles reglas regole regras regels',
  restrictions: 'einschränkungen einschrankungen beschränkungen grenzen restricciones restrizioni restrições restricoes limites beperkingen',
  filters: 'filtern filtros filtri',
  censorship: 'zensur censure censura',
  unrestricted: 'uneingeschränkt uneingeschrankt ungefiltert zensurfrei illimité illimite ilimitado ilimitada illimitato',
  reveal: 'verrate verraten enthülle enthulle offenbare révèle revele révéler reveler revela revelar rivela rivelare onthul onthullen',
  show: 'zeige zeig zeigen montre montrez montrer muestra muéstrame muestrame mostrar mostra mostrami mostre laat',
  tell: 'sag erzähl erzahl erzähle dis dites dime dígame decir dimmi diga diz vertel zeg',
  give: 'gib gebt donne donnez dammi dai dê geef',
  repeat: 'wiederhole wiederholen répète repete répétez repite repetir ripeti ripetere repita herhaal',
  translate: 'übersetze ubersetze übersetzen traduis traduire traduce traducir traduci tradurre traduza traduz vertaal vertalen',
  write: 'schreib schreibe schreiben écris ecris écrire escribe escribir scrivi scrivere escreva escrever schrijf',
  explain: 'erkläre erklare erklär erklären explique expliquez explica explícame explicame spiega spiegami spiegare explique explicar uitleggen',
  answer: 'antworte antworten antwort réponds reponds répondez répondre réponse responde responder respuesta rispondi rispondere risposta responda resposta antwoord antwoorden',
  only: 'nur ausschließlich ausschliesslich uniquement seulement únicamente unicamente solamente soltanto apenas somente alleen enkel',
  now: 'jetzt maintenant désormais desormais ahora adesso agora nu',
  you: 'du dich dir tu toi vous usted tú voi você voce jij',
  your: 'dein deine deinen deiner ihre tes votre vos tus tuo tua tuoi seu sua jouw',
  secret: 'geheim geheime geheimes secreto secreta segreto segreta segredo',
  hidden: 'versteckte versteckten verborgene cachées cachees cachée oculto ocultas ocultos nascoste nascosto nascoste escondidas verborgen',
  password: 'passwort kennwort passwörter contraseña contrasena contraseñas senha senhas wachtwoord',
  credentials: 'zugangsdaten anmeldedaten identifiants credenciales credenziali credenciais inloggegevens',
  developer: 'entwickler développeur developpeur desarrollador sviluppatore desenvolvedor ontwikkelaar',
  administrator: 'administrateur administrador amministratore beheerder',
  pretend: 'semblant finta finge finja alsof',
  imagine: 'stell vorstellen imagine imagina immagina imagine stel',
  role: 'rolle rôle papel ruolo rol',
  character: 'figur personnage personaje personaggio personagem',
  story: 'geschichte erzählung histoire cuento historia storia racconto história historia verhaal',
  novel: 'novela romanzo',
  grandmother: 'oma großmutter grossmutter grand-mère mamie abuela nonna avó avo',
  grandfather: 'opa großvater grossvater grand-père papy abuelo nonno avô',
  hypothetically: 'hypothetisch hypothétiquement hipotéticamente hipoteticamente ipoteticamente hypothetisch',
  without: 'ohne sans senza sem zonder',
  bomb: 'bombe bomba',
  explosive: 'sprengstoff explosif explosifs explosivo explosivos esplosivo esplosivi',
  weapon: 'waffe waffen arme armes arma armas armi wapen',
  gun: 'pistole gewehr pistolet fusil pistola escopeta fucile',
  poison: 'vergiften vergifte giftig empoisonner poison veneno envenenar avvelenare veleno envenenar vergif vergiftigen',
  drugs: 'drogen drogue drogues droga drogas',
  kill: 'töten toten töte ermorden tuer matar mata uccidere uccidi doden vermoorden',
  murder: 'mord meurtre asesinato omicidio assassinato moord',
  hack: 'hacken pirater piratear hackear bucare hackeren',
  steal: 'stehlen klauen voler robar rubare roubar stelen',
  fraud: 'betrug fraude frode',
  fake: 'gefälschte gefalschte fälschen falschen fausse faux falso falsa falsi falsificar falsifier vals',
  malware: 'schadsoftware',
  build: 'baue bauen bauen construire fabriquer fabrique fabricar construir costruire fabbricare bouwen maken',
  make: 'mache machen herstellen faire fais hacer haz fai fazer faça',
  how: 'wie cómo como',
  step: 'schritt étape etape paso passo passo stap',
  detailed: 'ausführlich ausfuhrlich détaillée detaillee detallado detallada dettagliato detalhado gedetailleerd',
  recipe: 'rezept recette receta ricetta receita recept',
  illegal: 'illegal illégal illegale ilegal',
  someone: 'jemanden jemand quelqu\'un quelquun alguien qualcuno alguém alguem iemand',
  track: 'verfolgen suivre seguir rastrear pedinare volgen',
  address: 'adresse dirección direccion indirizzo endereço endereco adres',
  system: 'systeme système sistema systeem',
  message: 'nachricht nachrichten mensaje mensagem messaggio bericht',
  mode: 'modus modo',
  activated: 'aktiviert activé activado attivato ativado geactiveerd',
  disabled: 'deaktiviert désactivé desactive desactivado disattivato desativado uitgeschakeld',
};

const table = new Map<string, string>();
for (const [english, forms] of Object.entries(GLOSSES)) for (const form of forms.split(' ')) if (form && form !== english) table.set(form, english);

/** The English gloss of a folded (lower-case) word, if it is in the table. */
export function glossOf(word: string): string | undefined {
  return table.get(word);
}
