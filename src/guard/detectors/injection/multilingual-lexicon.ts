// Concept lexicon for attacks written in languages other than English (about
// 25 of the most used ones). Each concept lists stems in many languages; a
// rule fires only when the concepts an attack needs co-occur (multilingual-
// rules.ts), so a single common word ("forget", "rules", "system") is harmless.
// Stems: see multilingual-scan.ts for "^", "$" and "*". Terms are folded
// (NFKC, lower case) when compiled, so write them as people type them.

/** Override verbs: ignore / forget / disregard / stop following. */
export const IGNORE: readonly string[] = [
  // es pt
  'ignora', 'ignore', 'ignorar', 'olvida', 'olvide', 'olvidar', 'omite', 'descarta', 'haz caso omiso', 'no hagas caso', 'desobedece', 'pasa por alto', 'deja de seguir',
  'esqueça', 'esqueca', 'esquece', 'esquecer', 'desconsidere', 'desconsidera', 'descarte', 'deixe de seguir', 'não siga', 'nao siga',
  // fr de it nl ro
  'ignorez', 'oublie', 'oubliez', 'oublier', 'ne tiens pas compte', 'ne tenez pas compte', 'fais abstraction', 'faites abstraction', 'passe outre', 'passez outre',
  'ignorier', 'vergiss', 'vergessen', 'missacht', 'befolge nicht', 'nicht mehr befolgen', 'beachte nicht', 'hinwegsetzen',
  'ignori', 'ignorare', 'dimentica', 'dimentichi', 'dimenticare', 'trascura', 'tralascia', 'non seguire', 'non tenere conto', 'disattendi',
  'negeer', 'negeren', 'vergeet', 'vergeten', 'volg niet', 'niet meer volgen',
  'ignoră', 'uită', 'uitați', 'nu mai urma', 'nu respecta', 'ignorați', 'ignorati', 'nu ține cont', 'nu tine cont', 'nu lua în seamă',
  // nordic, finnish
  'ignorera', 'glöm', 'bortse från', 'strunta i', 'följ inte', 'ignorer', 'glem', 'se bort fra', 'ikke følg', 'følg ikke', 'tilsidesæt',
  'ohita', 'unohda', 'jätä huomiotta', 'älä noudata', 'sivuuta',
  // slavic, greek, hungarian
  'игнорир', 'проигнорир', 'забудь', 'забудьте', 'не обращай внимания', 'не обращайте внимания', 'не следуй', 'не соблюдай', 'отбрось', 'пренебреги',
  'ігнору', 'проігнору', 'не зважай', 'не звертай уваги', 'не дотримуйся', 'відкинь',
  'zignoruj', 'ignoruj', 'zapomnij', 'pomiń', 'nie stosuj się', 'nie przestrzegaj', 'zlekceważ',
  'zapomeň', 'zapomeňte', 'nevšímej', 'neber ohled', 'přehlížej', 'nedodržuj', 'zabudni',
  'αγνόησ', 'αγνοήστε', 'ξέχασε', 'ξεχάστε', 'παράβλεψε', 'μην ακολουθ',
  'hagyd figyelmen kívül', 'hagyja figyelmen kívül', 'felejtsd el', 'felejtse el', 'ne vedd figyelembe', 'ne kövesd', 'mellőzd', 'ignoráld',
  // tr vi id
  'yok say', 'yoksay', 'görmezden gel', 'unut', 'dikkate alma', 'uymayı bırak',
  'bỏ qua', 'phớt lờ', 'lờ đi', 'quên', 'không tuân theo', 'đừng tuân theo', 'đừng làm theo',
  'abaikan', 'lupakan', 'jangan hiraukan', 'jangan ikuti', 'acuhkan',
  // ja zh ko th
  '無視', '忘れ', '従わな', '破棄し', '無効にし',
  '忽略', '忽视', '忽視', '无视', '忘记', '忘記', '忘掉', '不要遵守', '不要遵循', '别管', '別管', '抛开', '拋開', '不理会', '不理會', '丢弃', '丟棄',
  '무시', '잊어', '잊고', '잊으', '따르지 마', '따르지 말',
  'เพิกเฉย', 'ละเว้น', 'ละเลย', 'ลืม', 'ไม่ต้องสนใจ', 'ไม่ต้องทำตาม',
  // ar he fa hi ur bn
  'تجاهل', '^انس$', 'تناس', 'لا تتبع', 'لا تلتزم', 'لا تعمل ب',
  'התעלם', 'תתעלם', 'שכח', 'תשכח', 'אל תציית', 'אל תפעל לפי',
  'نادیده بگیر', 'فراموش کن', 'پیروی نکن',
  'अनदेखा', 'नज़रअंदाज़', 'नजरअंदाज', 'भूल जाओ', 'भूल जाइए', 'भूल जाएं', 'भूल जाएँ', 'पालन न', 'पालन मत', 'अवहेलना',
  'نظر انداز', 'بھول جاؤ', 'উপেক্ষা', 'ভুলে যাও', 'ভুলে যান',
  'huwag pansinin', 'kalimutan', 'balewalain', 'puuza', 'sahau', 'usifuate', 'acha kufuata',
  // mr ta te pa gu
  'दुर्लक्ष कर', 'विसरून जा', 'विसरा', 'புறக்கணி', 'மறந்துவிடு', 'மறந்து விடு', 'విస్మరించు', 'పట్టించుకోవద్దు', 'మర్చిపో', 'ਨਜ਼ਰਅੰਦਾਜ਼', 'ਭੁੱਲ ਜਾਓ', 'અવગણ', 'ભૂલી જા',
];

/** What an override targets: instructions, rules, prompt, guidelines, commands. */
export const DIRECTIVE: readonly string[] = [
  'instrucci', 'reglas', '^regla$', 'indicaci', 'directri', 'órdenes', 'pautas', 'normas', 'prompt', 'instruç', 'instruc', 'regras', 'diretriz', 'orientaç', 'comandos',
  'instruction', 'consigne', 'règles', 'regles', 'directive', 'anweisung', 'instruktion', 'regeln', 'richtlinie', 'vorgaben', 'befehle',
  'istruzion', 'regole', 'direttiv', 'indicazion', 'linee guida', 'instructie', 'regels', 'richtlijn', 'opdrachten', 'instrucți', 'instrucţi', 'reguli',
  'instruks', 'instrukt', 'regler', 'riktlinj', 'retningslinj', 'direktiv', 'anvisning', 'ohje', 'sääntö', 'säänn', 'kehote',
  'инструкци', 'правил', 'указани', 'команд', 'промпт', 'директив', 'інструкці', 'вказівк', 'настанов',
  'instrukcj', 'polece', 'zasad', 'reguł', 'wytyczn', 'instrukc', 'pokyn', 'pravidl', 'příkaz', 'zadání', 'οδηγί', 'κανόν', 'εντολ',
  'utasítás', 'szabály', 'parancs', 'irányelv', 'talimat', 'kural', 'komut', 'yönerge', 'istem', 'direktif',
  'hướng dẫn', 'chỉ dẫn', 'chỉ thị', 'quy tắc', 'mệnh lệnh', 'lời nhắc', 'instruksi', 'perintah', 'aturan', 'petunjuk', 'arahan', 'pedoman',
  '指示', '命令', 'ルール', '規則', '指令', 'プロンプト', 'ガイドライン', '制約', '说明', '說明', '规则', '提示词', '提示詞', '约束', '設定', '设定',
  '지시', '지침', '명령', '규칙', '프롬프트', '가이드라인', 'คำสั่ง', 'คำแนะนำ', 'ข้อกำหนด', 'พรอมต์', 'แนวทาง', 'กฎ',
  'تعليمات', 'أوامر', 'اوامر', 'قواعد', 'إرشادات', 'ارشادات', 'توجيهات', 'הוראות', 'הנחיות', 'כללים', 'חוקים', 'פקודות', 'פרומפט',
  'دستورالعمل', 'دستورات', 'قوانین', 'निर्देश', 'नियम', 'आदेश', 'प्रॉम्प्ट', 'प्रोम्प्ट', 'ہدایات', 'নির্দেশ', 'নিয়ম',
  'tagubilin', 'panuto', 'patakaran', 'maagizo', 'maelekezo', '^sheria', '^amri',
  'सूचना', 'அறிவுறுத்தல்', 'விதிகள்', 'கட்டளை', 'సూచనల', 'సూచనలు', 'నియమాల', 'నియమాలు', 'ఆదేశాల', 'ఆదేశాలు', 'ਹਦਾਇਤਾਂ', 'ਨਿਰਦੇਸ਼', 'સૂચનાઓ', 'નિયમો',
];

/** Scope of an override: previous, above, original, system, your, all. */
export const SCOPE: readonly string[] = [
  'anterior', 'previa', 'previo', 'précédent', 'precedent', 'de arriba', 'original', 'inicial', 'del sistema', '^tus$', '^sus$', 'todas las', 'todos los', 'todas as', 'todos os',
  'prévi', 'acima', 'iniciais', 'do sistema', 'suas', 'tuas', 'teus', 'seus', 'antérieur', 'ci-dessus', 'plus haut', 'du système', 'du systeme', '^tes$', '^vos$', 'toutes', '^tous$',
  'vorherig', 'bisherig', 'obig', 'vorig', 'früher', 'ursprünglich', 'anfänglich', '^deine', '^alle$', 'sämtlich', 'sopra', 'inizial', 'di sistema', '^tue$', '^tuoi$', '^tutte', '^tutti',
  'eerdere', 'bovenstaande', 'oorspronkelijk', '^jouw$', '^uw$', 'anterioare', 'de mai sus', 'inițial', '^toate', 'primite înainte', 'primite anterior', 'de până acum',
  'tidigare', 'föregående', 'ovanstående', 'ursprungliga', '^alla$', '^dina$', 'tidligere', 'forrige', 'ovenstående', 'ovenfor', 'opprinnelig', 'oprindelig', '^dine$',
  'aiemm', 'edellis', 'yllä', 'alkuperäi', 'järjestelmä', '^kaikki', 'sinun',
  'предыдущ', 'прежн', 'вышеуказан', '^выше$', 'изначальн', 'исходн', 'первоначальн', 'системн', '^все$', '^всё$', '^всех$', '^твои', '^ваши',
  'попередн', 'вищевказан', '^вище$', 'початков', 'первинн', '^усі$', '^всі$', '^твої',
  'poprzedni', 'wcześniejsz', 'powyższ', 'pierwotn', 'początkow', 'systemow', 'wszystki', 'wszelki', '^twoje', '^twoich', '^swoje$', '^swoich$', '^swoimi$',
  'předchozí', 'předešl', 'dřívější', '^výše', 'původní', 'počáteční', 'systémov', 'všechn', '^tvé$', '^tvoje', '^vaše',
  'προηγούμεν', 'παραπάνω', 'αρχικ', 'συστήματ', '^όλες', '^όλους', '^όλα$', '^σου$',
  'előző', 'korábbi', 'fenti', 'eredeti', 'kezdeti', 'rendszer', 'összes', '^minden', 'eddigi',
  'önceki', 'yukarıdaki', 'yukaridaki', 'orijinal', 'sistem', '^tüm', 'bütün', 'hepsi', 'senin', 'sana verilen',
  'trước đó', 'ở trên', 'phía trên', 'ban đầu', 'hệ thống', 'tất cả', 'của bạn', 'sebelumnya', 'di atas', 'semua', 'seluruh', '^awal$',
  '以前', '前の', 'これまで', '上記', '上の', '先ほど', '最初の', '最初に', '与えられた', '元の', 'システム', 'すべて', '全て', '全部', '今まで', 'あなたの',
  '之前', '先前', '上面', '上述', '前面', '原来', '原來', '原始', '初始', '系统', '系統', '所有', '一切', '你的', '您的',
  '이전', '앞의', '앞서', '위의', '위에', '기존', '원래', '초기', '시스템', '모든', '전부', '너의', '당신의',
  'ก่อนหน้า', 'ข้างบน', 'ด้านบน', 'ข้างต้น', 'ระบบ', 'ทั้งหมด', 'ทุกข้อ',
  'السابق', 'سابقة', 'أعلاه', 'اعلاه', 'الأصلي', 'الأولي', 'النظام', 'جميع', '^كل$',
  'הקודמ', 'קודמות', 'קודמים', 'לעיל', 'המקורי', 'המערכת', '^כל ה', 'שלך', 'قبلی', 'سیستم', '^همه', 'تمام',
  'पिछल', 'पहले', 'ऊपर', 'पूर्व', 'मूल', 'प्रारंभिक', 'सिस्टम', 'सभी', 'सारे', 'सारी', 'तुम्हारे', 'आपके', 'پچھلی', 'আগের', 'পূর্ববর্তী',
  'nakaraang', 'naunang', 'lahat ng', 'sa itaas', '^yote$', '^zote$', '^yako$', '^zako$', '^lako$', 'iliyopita', 'yaliyopita', 'yaliyotangulia', 'za awali', 'ya awali', 'hapo juu', '以上', '^সব',
  // "for this conversation": a scope only a chat with the assistant has
  'pour cette conversation', 'para esta conversación', 'para esta conversa', 'für dieses gespräch', 'für diese unterhaltung', 'per questa conversazione', 'voor dit gesprek', 'w tej rozmowie', 'pentru această conversație',
  'मागील', 'आधीच्या', 'सर्व', 'முந்தைய', 'அனைத்து', 'எல்லா', 'మునుపటి', 'అన్ని', 'ਪਿਛਲੀਆਂ', 'ਪਿਛਲੇ', 'ਸਾਰੀਆਂ', 'ਸਾਰੇ', 'અગાઉની', 'પાછલી', 'બધી', 'બધા', 'پچھلے', 'sebelum ini',
];

/**
 * The "all" words of SCOPE. "Ignore all the rules" is an override, but "show all the rules (of the
 * game / of the office)" is an ordinary ask: a reveal needs a scope that points back (previous,
 * above, original, system, yours), so PRIOR_SCOPE leaves these out.
 */
const ALL_SCOPE: ReadonlySet<string> = new Set([
  'todas las', 'todos los', 'todas as', 'todos os', 'toutes', '^tous$', '^alle$', 'sämtlich', '^tutte', '^tutti', '^toate', '^alla$', '^kaikki',
  '^все$', '^всё$', '^всех$', '^усі$', '^всі$', 'wszystki', 'wszelki', 'všechn', '^όλες', '^όλους', '^όλα$', 'összes', '^minden', '^tüm', 'bütün', 'hepsi',
  'tất cả', 'semua', 'seluruh', 'すべて', '全て', '全部', '所有', '一切', '모든', '전부', 'ทั้งหมด', 'ทุกข้อ', 'جميع', '^كل$', '^כל ה', '^همه', 'تمام',
  'सभी', 'सारे', 'सारी', 'lahat ng', '^yote$', '^zote$', '^সব', 'सर्व', 'அனைத்து', 'எல்லா', 'అన్ని', 'ਸਾਰੀਆਂ', 'ਸਾਰੇ', 'બધી', 'બધા',
]);

/** SCOPE without its "all" words: what a request to reveal must point back to. */
export const PRIOR_SCOPE: readonly string[] = SCOPE.filter((term) => !ALL_SCOPE.has(term));

/** Verbs that ask for text to be shown: show, print, reveal, repeat, output (not "write": "write me a system prompt" is work). */
export const REVEAL: readonly string[] = [
  'muestra', 'muéstrame', 'muestrame', 'mostrar', 'revela', 'revélame', 'repite', 'imprime', 'enséñame', 'comparte', 'copia',
  'mostre', 'revele', 'repita', 'repete', 'imprima', 'compartilhe', 'exiba',
  'montre', 'affiche', 'révèle', 'répète', 'repete', 'recopie',
  'zeig', '^gib$', 'verrat', 'wiederhol', '^drucke', 'nenne', 'kopier', 'mostra', 'rivela', 'ripeti', 'stampa', 'condividi',
  'toon', 'laat zien', 'geef', 'herhaal', 'onthul', 'arată', 'afișează', 'dezvăluie', 'repetă',
  'visa', 'avslöja', 'upprepa', 'skriv ut', '^vis$', 'avslør', 'gjenta', 'afslør', 'gentag', 'udskriv',
  'näytä', 'paljasta', 'toista', 'tulosta',
  'покажи', 'выведи', 'раскрой', 'повтори', 'напечатай', 'распечатай', 'перечисли', 'процитируй', 'выдай',
  'виведи', 'розкрий', 'надрукуй', 'перелічи', 'процитуй',
  'pokaż', 'wyświetl', 'ujawnij', 'powtórz', 'wypisz', 'wydrukuj', 'podaj', 'zdradź',
  'ukaž', 'zobraz', 'prozraď', 'odhal', 'zopakuj', 'vypiš', 'sděl',
  'δείξε', 'δείξτε', 'αποκάλυψε', 'επανάλαβε', 'τύπωσε',
  'mutasd', 'mutassa', 'írd ki', 'írja ki', 'ismételd', 'fedd fel', 'közöld', 'add meg',
  'göster', 'yazdır', 'tekrarla', 'açığa çıkar', 'listele', 'paylaş',
  'hiển thị', 'cho tôi xem', 'cho xem', 'tiết lộ', 'lặp lại', 'in ra', 'xuất ra', 'viết ra',
  'tunjukkan', 'tampilkan', 'ungkapkan', 'ulangi', 'cetak', 'tuliskan', 'bocorkan',
  '表示', '見せ', '出力', '繰り返', '書き出', '開示', '公開', '暴露', '印刷',
  '显示', '顯示', '展示', '输出', '輸出', '打印', '重复', '重複', '透露', '泄露', '洩露', '公开', '列出', '写出', '寫出', '给我看', '給我看', '复述', '複述',
  '보여', '출력', '반복', '공개', '적어', '인쇄',
  'แสดง', 'เปิดเผย', 'ทำซ้ำ', 'พิมพ์', 'เขียน', 'ขอดู',
  'اعرض', 'أظهر', 'اظهر', 'اكشف', 'كرر', 'اطبع', 'انسخ',
  'הראה', 'תראה', 'הצג', 'תציג', 'חשוף', 'תחשוף', 'חזור על', 'הדפס', 'תדפיס',
  'نشان بده', 'نمایش بده', 'فاش کن', 'تکرار کن', 'چاپ کن',
  'दिखाओ', 'दिखाइए', 'दिखाएं', 'दोहराओ', 'दोहराइए', 'प्रकट', 'प्रिंट',
  'ipakita', 'ulitin', 'onyesha', 'rudia', 'nakili', 'andika tena', 'দেখাও',
  'bana ver', 'berikan', 'dammi', 'dame ', 'donne-moi', 'salin',
];

/**
 * Translating or spelling out the assistant's own text shows it as surely as printing it; of any other
 * text ("translate the text above") it is everyday work, so these pair only with the assistant's configuration.
 */
export const TRANSLATE: readonly string[] = [
  'traduce', 'tradúceme', 'traduceme', 'traduis', 'traduisez', 'übersetz', 'traduci', 'traduz', 'vertaal', 'przetłumacz', 'çevir', 'terjemahkan',
  'deletrea', 'épelle', 'soletra', 'buchstabier', 'sillabare', 'spelde', 'przeliteruj', 'heceleyerek', 'eja ',
];

/** Verbs that ask to be told: weaker than showing text ("tell me your rules" is often a capability question). */
export const TELL: readonly string[] = [
  'dime', 'me diga', 'diga-me', 'dis-moi', 'donne-moi', 'dimmi', 'vertel', 'spune-mi', 'berätta', 'fortell', 'fortæl', 'kerro', 'скажи', 'powiedz', 'řekni', 'πες μου', 'áruld el', 'söyle', 'cho tôi biết', 'beri tahu', 'beritahu', 'katakan', 'sebutkan', '教え', '告诉我', '告訴我', '알려', '말해', 'บอก', 'أخبرني', 'اخبرني', 'قل لي', 'תגיד', 'بگو', 'बताओ', 'बताइए', 'बताएं', 'sabihin', 'niambie', 'বলো',
];

/** The assistant's hidden configuration: system prompt, hidden / initial instructions. */
export const SYSTEM_PROMPT: readonly string[] = [
  'system prompt', 'systemprompt', 'system-prompt',
  'prompt del sistema', 'prompt de sistema', 'mensaje del sistema', 'instrucciones del sistema', 'instrucciones ocultas', 'instrucciones iniciales', 'instrucciones originales',
  'prompt do sistema', 'mensagem do sistema', 'instruções do sistema', 'instrucoes do sistema', 'instruções ocultas', 'instruções iniciais', 'instruções originais',
  'prompt système', 'prompt systeme', 'invite système', 'message système', 'instructions système', 'instructions cachées', 'instructions initiales', 'consignes initiales', 'consignes cachées',
  'systemanweisung', 'systemnachricht', 'versteckten anweisungen', 'geheimen anweisungen', 'ursprünglichen anweisungen', 'anfänglichen anweisungen',
  'prompt di sistema', 'messaggio di sistema', 'istruzioni di sistema', 'istruzioni nascoste', 'istruzioni iniziali', 'istruzioni originali',
  'systeemprompt', 'systeembericht', 'systeeminstructies', 'verborgen instructies', 'oorspronkelijke instructies', 'geheime instructies',
  'promptul de sistem', 'mesajul de sistem', 'instrucțiunile de sistem', 'instrucțiunile ascunse', 'instrucțiunile inițiale',
  'systemmeddelande', 'systeminstruktion', 'dolda instruktioner', 'ursprungliga instruktioner', 'hemliga instruktioner',
  'systemmelding', 'systembesked', 'systeminstruks', 'skjulte instruks', 'opprinnelige instruks', 'oprindelige instruks', 'hemmelige instruks',
  'järjestelmäkehot', 'järjestelmäohje', 'järjestelmäviest', 'järjestelmän ohjee', 'piilotetut ohjeet', 'alkuperäiset ohjeet',
  'системн* промпт', 'системн* инструкц', 'системн* сообщен', 'системн* подсказ', 'скрыт* инструкц', 'исходн* инструкц', 'изначальн* инструкц', 'первоначальн* инструкц',
  'системн* інструкці', 'системн* повідомлен', 'прихован* інструкці', 'початков* інструкці',
  'prompt systemow', 'instrukcj* systemow', 'wiadomoś* systemow', 'komunikat* systemow', 'ukryt* instrukcj', 'pierwotn* instrukcj', 'początkow* instrukcj',
  'systémov* prompt', 'systémov* pokyn', 'systémov* instrukc', 'systémov* zpráv', 'skryt* pokyn', 'skryt* instrukc', 'původní* pokyn', 'původní* instrukc',
  'μήνυμα συστήματος', 'οδηγίες συστήματος', 'prompt συστήματος', 'προτροπή συστήματος', 'κρυφές οδηγίες', 'αρχικές οδηγίες',
  'rendszerprompt', 'rendszerüzenet', 'rendszerutasítás', 'rejtett utasítás', 'eredeti utasítás', 'kezdeti utasítás',
  'sistem istem', 'sistem komut', 'sistem talimat', 'sistem mesaj', 'gizli talimat', 'ilk talimat', 'orijinal talimat',
  'lời nhắc hệ thống', 'prompt hệ thống', 'chỉ dẫn hệ thống', 'hướng dẫn hệ thống', 'thông điệp hệ thống', 'chỉ thị ẩn', 'hướng dẫn ẩn', 'hướng dẫn ban đầu', 'chỉ dẫn ban đầu',
  'prompt sistem', 'pesan sistem', 'instruksi sistem', 'instruksi tersembunyi', 'instruksi awal', 'instruksi asli',
  // The assistant's own configuration or context, named with a possessive or as hidden (round 6).
  'instruksimu', 'instruksi kamu', 'instruksi anda', 'instruksi rahasia', 'aturanmu', 'konfigurasimu', 'konfigurasi kamu', 'konfigurasi anda',
  // User messages are read with the dotless ı folded to i (lookalike-disguise.ts): both spellings.
  'gizli yapılandırma', 'yapılandırma talimat', 'yapılandırman', 'gizli yapilandirma', 'yapilandirma talimat', 'yapilandirman', 'sana verilen talimat', 'sana verilen kural',
  'mensaje de sistema', 'instrucciones de sistema', 'instrucciones secretas', 'tu configuración', 'tu configuracion',
  'mensagem de sistema', 'instruções de sistema', 'instrucoes de sistema', 'instruções secretas', 'tua configuração', 'sua configuração',
  'instructions secrètes', 'ta configuration', 'votre configuration', 'istruzioni segrete', 'tua configurazione',
  'deiner konfiguration', 'deine konfiguration', 'ihrer konfiguration', 'je configuratie', 'jouw configuratie',
  'twojej konfiguracji', 'twoja konfiguracja', 'twoją konfigurację', 'swojej konfiguracji',
  'إعداداتك', 'تعليماتك', 'أعطيت لك', 'اعطيت لك', '与えられた指示', '与えられたルール', '给你的指令', '給你的指令', '你收到的指令', 'तुम्हें दिए गए निर्देश',
  'システムプロンプト', 'システム・プロンプト', 'システムメッセージ', 'システム指示', '隠された指示', '隠れた指示', '初期指示', '最初の指示', '元の指示', '秘密の指示', '内部指示', '初期プロンプト',
  '系统提示', '系統提示', '系统指令', '系統指令', '系统消息', '系統訊息', '系统信息', '隐藏指令', '隱藏指令', '隐藏的指令', '初始指令', '初始提示', '原始指令', '原始提示', '内部指令', '秘密指令', '系统设定', '系統設定',
  '시스템 프롬프트', '시스템프롬프트', '시스템 메시지', '시스템 지시', '시스템 지침', '숨겨진 지시', '숨겨진 지침', '초기 지시', '초기 프롬프트', '원래 지시', '내부 지침',
  'พรอมต์ระบบ', 'ข้อความระบบ', 'คำสั่งระบบ', 'คำสั่งที่ซ่อน', 'คำสั่งเริ่มต้น', 'คำแนะนำของระบบ',
  'موجه النظام', 'موجّه النظام', 'رسالة النظام', 'تعليمات النظام', 'التعليمات المخفية', 'التعليمات الأولية', 'التعليمات الأصلية',
  'הנחיות המערכת', 'הנחיית המערכת', 'פרומפט המערכת', 'הודעת המערכת', 'הוראות המערכת', 'ההוראות הנסתרות', 'הוראות נסתרות', 'ההוראות המקוריות',
  'پرامپت سیستم', 'پیام سیستم', 'دستورات سیستم', 'دستورالعمل‌های سیستم', 'دستورالعمل های سیستم',
  'सिस्टम प्रॉम्प्ट', 'सिस्टम प्रोम्प्ट', 'सिस्टम संदेश', 'सिस्टम निर्देश', 'छिपे हुए निर्देश', 'छिपे निर्देश', 'मूल निर्देश', 'प्रारंभिक निर्देश', 'शुरुआती निर्देश', 'गुप्त निर्देश',
];

/** Free of rules: unrestricted, uncensored, no rules / limits / filters. */
export const NO_LIMITS: readonly string[] = [
  'sin restricciones', 'sin ninguna restricción', 'sin censura', 'sin filtros', 'sin reglas', 'no tienes restricciones', 'no tienes reglas', 'sin límites éticos', 'sin limitaciones',
  'sem restrições', 'sem restricoes', 'sem censura', 'sem filtros', 'sem regras', 'não tem regras', 'não tem restrições', 'sem limites éticos',
  'sans restriction', 'sans aucune restriction', 'sans censure', 'sans filtre', 'sans règles', 'sans aucune règle', 'sans limites', "n'as plus de règles", "n'as aucune restriction", 'aucune restriction',
  'ohne einschränkung', 'ohne beschränkung', 'ohne zensur', 'ohne filter', 'ohne regeln', 'keine regeln', 'keine einschränkungen', 'keine beschränkungen', 'uneingeschränkt', 'unzensiert', 'ungefiltert',
  'senza restrizioni', 'senza censura', 'senza filtri', 'senza regole', 'senza limiti', 'nessuna restrizione', 'nessuna regola', 'non hai regole', 'non hai restrizioni',
  'zonder beperkingen', 'zonder censuur', 'zonder filters', 'zonder regels', 'geen regels', 'geen beperkingen', 'ongecensureerd', 'ongefilterd',
  'fără restricții', 'fara restrictii', 'fără cenzură', 'fără filtre', 'fără reguli', 'nicio regulă', 'nicio restricție', 'necenzurat',
  'utan begränsningar', 'utan restriktioner', 'utan censur', 'utan filter', 'utan regler', 'inga regler', 'inga begränsningar', 'ocensurerad', 'ofiltrerad',
  'uten begrensninger', 'uten restriksjoner', 'uten sensur', 'uten regler', 'ingen regler', 'ingen begrensninger', 'usensurert', 'ufiltrert',
  'uden begrænsninger', 'uden restriktioner', 'uden censur', 'uden regler', 'ingen begrænsninger', 'ucensureret', 'ufiltreret',
  'ilman rajoituksia', 'ilman sääntöjä', 'ilman sensuuria', 'ilman suodattimia', 'ei sääntöjä', 'ei rajoituksia', 'rajoittamaton', 'sensuroimaton', 'suodattamaton',
  'без ограничений', 'без цензуры', 'без фильтров', 'без правил', 'нет правил', 'нет никаких правил', 'нет ограничений', 'никаких правил', 'никаких ограничений', 'без каких-либо ограничений', 'неограниченн', 'нецензурн',
  'без обмежень', 'без цензури', 'без фільтрів', 'немає правил', 'немає обмежень', 'жодних правил', 'жодних обмежень', 'необмежен',
  'bez ograniczeń', 'bez cenzury', 'bez filtrów', 'bez zasad', 'bez reguł', 'żadnych zasad', 'żadnych ograniczeń', 'nie masz zasad', 'nie masz ograniczeń', 'nieocenzurowan', 'nieograniczon',
  'bez omezení', 'bez cenzury', 'bez filtrů', 'bez pravidel', 'žádná pravidla', 'žádná omezení', 'necenzurovan', 'neomezen',
  'χωρίς περιορισμούς', 'χωρίς κανόνες', 'χωρίς λογοκρισία', 'χωρίς φίλτρα', 'δεν έχεις κανόνες', 'δεν έχεις περιορισμούς', 'χωρίς όρια',
  'korlátozások nélkül', 'korlátok nélkül', 'szabályok nélkül', 'cenzúra nélkül', 'szűrők nélkül', 'nincsenek szabályaid', 'nincsenek korlátaid', 'cenzúrázatlan',
  'kısıtlamasız', 'kisitlamasiz', 'kısıtlama olmadan', 'hiçbir kısıtlama', 'kuralsız', 'hiçbir kural', 'kuralın yok', 'kuralların yok', 'sansürsüz', 'filtresiz',
  'không có giới hạn', 'không giới hạn', 'không bị giới hạn', 'không có quy tắc', 'không bị kiểm duyệt', 'không kiểm duyệt', 'không có bộ lọc', 'không bị ràng buộc', 'không có hạn chế',
  'tanpa batasan', 'tanpa sensor', 'tanpa filter', 'tanpa aturan', 'tidak punya aturan', 'tidak memiliki batasan', 'tidak ada batasan', 'tidak ada aturan', 'bebas dari aturan',
  '制限のない', '制限なし', '制限がない', '制限はない', '制限もない', '制約のない', '制約なし', '制約はない', '制約もない', '何の制限も', '何の制約も', 'ルールはない', 'ルールがない', 'ルールのない', 'ルールなし', '検閲なし', '検閲のない', '検閲されていない', 'フィルターなし', 'フィルターのない', '縛られない',
  '没有任何限制', '沒有任何限制', '没有限制', '沒有限制', '不受限制', '不受任何限制', '无限制', '無限制', '没有规则', '沒有規則', '没有任何规则', '不受约束', '不受任何约束', '没有审查', '沒有審查', '无审查', '不受审查', '没有过滤', '不受道德', '不受规则', '解除所有限制', '摆脱', '擺脫',
  '제한이 없', '제한 없는', '제한없는', '제한 없이', '제약이 없', '제약 없는', '규칙이 없', '규칙 없는', '검열 없는', '검열되지 않은', '필터 없는', '제한을 해제', '제한을 풀',
  'ไม่มีข้อจำกัด', 'ไร้ข้อจำกัด', 'ไม่มีกฎ', 'ไม่มีการเซ็นเซอร์', 'ไม่ถูกเซ็นเซอร์', 'ไม่มีตัวกรอง', 'ไม่มีขีดจำกัด',
  'بدون قيود', 'بلا قيود', 'دون قيود', 'بدون رقابة', 'بلا رقابة', 'بدون قواعد', 'بلا قواعد', 'ليس لديك قواعد', 'ليس لديك أي قيود', 'غير مقيد', 'لا قيود', 'بلا حدود',
  'בלי הגבלות', 'ללא הגבלות', 'בלי מגבלות', 'ללא מגבלות', 'בלי צנזורה', 'ללא צנזורה', 'בלי חוקים', 'ללא חוקים', 'אין לך חוקים', 'אין לך מגבלות', 'ללא סינון', 'בלי כללים', 'ללא כללים',
  'بدون محدودیت', 'بدون قوانین', 'بدون سانسور', 'بدون فیلتر', 'هیچ محدودیتی', 'هیچ قانونی',
  'बिना किसी प्रतिबंध', 'बिना प्रतिबंध', 'बिना किसी रोक', 'कोई प्रतिबंध नहीं', 'कोई नियम नहीं', 'कोई सीमा नहीं', 'बिना सेंसर', 'बिना फ़िल्टर', 'अप्रतिबंधित', 'बिना नियमों', 'बिना किसी नियम', 'बिना किसी सीमा',
  'walang limitasyon', 'walang patakaran', 'bila vikwazo', 'bila sheria', 'bila mipaka',
  'கட்டுப்பாடுகள் இல்லாத', 'கட்டுப்பாடு இல்லாத', 'పరిమితులు లేని', 'निर्बंधांशिवाय', 'কোনো সীমাবদ্ধতা ছাড়া', 'সীমাবদ্ধতা ছাড়া', 'ਬਿਨਾਂ ਕਿਸੇ ਪਾਬੰਦੀ', 'કોઈ પ્રતિબંધ વિના',
  // an evil twin is as free of rules as an unrestricted one
  'malvad', 'malign', 'maléfique', 'böse', 'malvagi', 'kwaadaardig', 'злой', 'злая', 'злобн', 'зла ', 'zły', 'złośliw', 'kötü niyetli', 'độc ác', 'jahat', '邪恶', '邪惡', '邪悪な', '悪のAI', '사악한', 'الشرير', 'הרשע', 'दुष्ट',
];

/** A persona for the assistant: AI, assistant, act as, pretend, from now on, now you are, mode. */
export const PERSONA: readonly string[] = [
  '^ai$', '^ia$', '^ki$', 'chatbot', 'chatgpt', '^gpt', 'assistent', 'asistente', 'assistente', 'assistant', 'asistent', 'asystent', 'asszisztens', 'avustaja', 'asisten', 'asistan',
  'modelo de lenguaje', 'modelo de linguagem', 'modèle de langage', 'sprachmodell', 'modello linguistico', 'taalmodel', 'språkmodell', 'sprogmodel', 'kielimalli',
  'a partir de ahora', 'desde ahora', 'ahora eres', 'actúa como', 'actua como', 'finge', 'a partir de agora', 'agora você é', 'aja como', 'finja',
  'à partir de maintenant', 'désormais', 'tu es maintenant', 'agis comme', 'fais semblant', 'ab jetzt', 'ab sofort', 'von nun an', 'du bist jetzt', 'du bist nun', 'tu so als', 'verhalte dich wie',
  "d'ora in poi", 'da ora in poi', 'ora sei', 'comportati come', 'fingi', 'fai finta', 'vanaf nu', 'je bent nu', 'doe alsof', 'gedraag je als', 'de acum', 'acum ești', 'prefă-te',
  'låtsas', 'agera som', 'från och med nu', 'nu är du', 'lat som', 'fra nå av', 'nå er du', 'lad som om', 'fra nu af', 'nu er du', 'tekoäly', 'esitä', 'toimi kuin', 'tästä lähtien', 'nyt olet',
  'искусственный интеллект', '^ии$', 'ассистент', 'чат-бот', 'чатбот', 'языков* модел', 'притворись', 'веди себя как', 'сыграй роль', 'с этого момента', 'отныне', 'теперь ты',
  'штучний інтелект', '^ші$', 'асистент', 'мовн* модел', 'вдавай', 'поводься як', 'зіграй роль', 'з цього моменту', 'відтепер', 'тепер ти',
  'sztuczn* inteligencj', 'model językowy', 'udawaj', 'zachowuj się jak', 'od teraz', 'teraz jesteś', 'umělá inteligence', 'umělou inteligenci', 'jazykový model', 'předstírej', 'chovej se jako', 'od teď', 'odteď', 'teď jsi', 'nyní jsi',
  'τεχνητή νοημοσύνη', 'βοηθός', 'γλωσσικό μοντέλο', 'παρίστανε', 'προσποιήσου', 'υποδύσου', 'από τώρα', 'τώρα είσαι',
  'mesterséges intelligencia', 'nyelvi modell', 'tegyél úgy', 'viselkedj úgy', 'mostantól', 'yapay zeka', 'yapay zekâ', 'dil modeli', 'gibi davran', 'rol yap', 'şu andan itibaren', 'bundan sonra', 'artık sen',
  'trí tuệ nhân tạo', 'trợ lý', 'mô hình ngôn ngữ', 'đóng vai', 'giả vờ', 'từ bây giờ', 'bây giờ bạn là', 'kecerdasan buatan', 'model bahasa', 'berpura-pura', 'bertindak sebagai', 'mulai sekarang', 'sekarang kamu', 'sekarang anda',
  '人工知能', 'アシスタント', 'チャットボット', '言語モデル', 'として振る舞', 'として振舞', 'として行動', 'になりきって', 'のふりをし', '演じて', 'これから', '今から', '今後',
  '人工智能', '助手', '助理', '聊天机器人', '聊天機器人', '语言模型', '語言模型', '扮演', '假装', '假裝', '充当', '充當', '从现在开始', '從現在開始', '从现在起', '從現在起', '现在你是', '現在你是', '你现在是', '你現在是',
  '인공지능', '어시스턴트', '챗봇', '언어 모델', '언어모델', '척해', '처럼 행동', '연기해', '이제부터', '지금부터', '이제 너는', '이제 당신은',
  'ปัญญาประดิษฐ์', 'ผู้ช่วย', 'แชทบอท', 'โมเดลภาษา', 'แสร้งทำ', 'แกล้งทำ', 'สวมบทบาท', 'ทำตัวเป็น', 'ตั้งแต่นี้', 'ตอนนี้คุณ',
  'الذكاء الاصطناعي', 'ذكاء اصطناعي', 'مساعد', 'روبوت محادثة', 'نموذج لغوي', 'تظاهر', 'تصرف ك', 'تصرّف', 'من الآن', 'أنت الآن', 'انت الآن',
  'בינה מלאכותית', "צ'אטבוט", 'מודל שפה', 'תעמיד פנים', 'העמד פנים', 'תתנהג כמו', 'מעכשיו', 'עכשיו אתה', 'هوش مصنوعی', 'دستیار', 'وانمود کن', 'از این به بعد',
  'एआई', 'कृत्रिम बुद्धि', 'असिस्टेंट', 'सहायक', 'चैटबॉट', 'भाषा मॉडल', 'की तरह व्यवहार', 'होने का नाटक', 'अब से', 'अब तुम',
  'செயற்கை நுண்ணறிவு', 'కృత్రిమ మేధ', 'কৃত্রিম বুদ্ধিমত্তা', 'এআই', 'இப்போதிலிருந்து', 'ఇప్పటి నుండి', 'এখন থেকে',
];

/** Developer mode and jailbreak, in the words people use for them. */
export const DEV_MODE: readonly string[] = [
  'modo desarrollador', 'modo de desarrollador', 'modo desenvolvedor', 'modo de desenvolvedor', 'mode développeur', 'mode developpeur', 'entwicklermodus', 'modalità sviluppatore', 'ontwikkelaarsmodus', 'modul dezvoltator',
  'utvecklarläge', 'utviklermodus', 'udviklertilstand', 'kehittäjätila', 'λειτουργία προγραμματιστή', 'vývojářský režim', 'režim vývojáře', 'fejlesztői mód', 'tryb dewelopera', 'tryb programisty',
  'режим разработчика', 'режим розробника', 'geliştirici modu', 'chế độ nhà phát triển', 'mode pengembang', '開発者モード', '开发者模式', '開發者模式', '개발자 모드', '개발자모드', 'โหมดนักพัฒนา',
  'وضع المطور', 'מצב מפתח', 'حالت توسعه', 'डेवलपर मोड', '越狱', '越獄', '脱獄', '탈옥', 'джейлбрейк',
];

/** Sending data somewhere: the verb of an exfiltration order planted in a document. */
export const SEND: readonly string[] = [
  'envía', 'envia', 'reenvía', 'reenvia', 'envie', 'encaminhe', 'envoie', 'envoyez', 'envoyer', 'transfère', 'transférez', 'sende', 'schicke', 'schick', 'leite', 'invia', 'inoltra',
  'stuur', 'verstuur', 'trimite', 'skicka', 'vidarebefordra', '^send$', 'videresend', 'lähetä', 'välitä', 'отправь', 'отправьте', 'перешли', 'пошли', 'надішли', 'відправ',
  'wyślij', 'prześlij', 'pošli', 'odešli', 'přepošli', 'στείλε', 'προώθησε', 'küldd', 'küldje', 'továbbítsd', 'gönder', 'ilet', 'gửi', 'chuyển tiếp', 'kirim', 'teruskan',
  '送信', '送って', '転送', '发送', '發送', '转发', '轉發', '发给', '發給', '보내', '전송', '전달', 'ส่ง', 'أرسل', 'ارسل', 'שלח', 'תשלח', 'העבר', 'بفرست', 'भेजो', 'भेजें', 'भेजिए', 'भेज दो',
];

/**
 * Talk about attacks rather than an attack: definitions, how to defend, the
 * name of the technique. Vetoes a rule nearby ("what is a system prompt?").
 */
export const META: readonly string[] = [
  'qué es', 'que es un', 'o que é', "qu'est-ce", 'was ist ein', 'was ist der', "cos'è", 'wat is een', 'ce este', 'vad är', 'hva er', 'hvad er', 'mikä on', 'что такое', 'що таке', 'czym jest', 'co to jest', 'co je to',
  'τι είναι', 'apa itu', 'とは', 'って何', '什么是', '什麼是', '什么意思', '什麼意思', '意味', '이란', '란 무엇', 'คืออะไร', '^ما هو', '^ما هي', '^מה זה', 'چیست', 'क्या है', 'क्या होता',
  'injection', 'inyección', 'injeção', 'injektion', 'iniezione', 'инъекц', 'ін\'єкц', 'ін’єкц', 'wstrzykiwan', 'enjeksiyon', 'インジェクション', '注入', '인젝션', 'حقن', 'הזרקת', 'इंजेक्शन',
  'ataque', 'attaque', 'angriff', 'attacco', 'aanval', 'атак', 'атаці', 'saldır', 'tấn công', 'serangan', '攻击', '攻擊', '攻撃', '공격', 'هجوم', 'מתקפ', 'हमला',
  // A notice that earlier instructions are superseded (IT change memos) speaks to staff, not to the AI.
  '作废', '作廢', '已失效', '不再适用', '不再適用', '废止', '廢止', '無効にな', '廃止', '古くなり', 'gelten nicht mehr', 'nicht mehr gültig', 'ya no aplican', 'ya no son válid', 'quedan sin efecto',
  'não se aplicam mais', 'não valem mais', "ne s'appliquent plus", 'ne sont plus valables', 'non sono più valid', 'gelden niet meer', 'больше не действуют', 'утратил', 'більше не діють',
  'już nie obowiązują', 'nieaktualn', 'již neplatí', 'már nem érvényes', 'artık geçerli değil', 'không còn hiệu lực', 'tidak berlaku lagi', 'gäller inte längre', 'gjelder ikke lenger',
  'gælder ikke længere', 'eivät ole enää voimassa', 'δεν ισχύουν πλέον', 'لم تعد سارية', 'אינן בתוקף', 'अब लागू नहीं', '유효하지 않', '폐지', 'ไม่มีผลบังคับใช้',
  'empêcher', 'évitons', 'éviter', 'verhindern', 'evitar', 'evitamos', 'impedir', 'impedire', 'evitare', 'voorkomen', 'zapobiec', 'zapobiegać', 'предотврат', 'запобіг', 'engelle', 'önle',
  'proteger', 'protéger', 'schützen', 'proteggere', 'beschermen', 'защитить', 'захистити', 'chronić', 'chránit', 'korumak', 'bảo vệ', 'melindungi', '防止', '防御', '防ぐ', '守る', '방지', '보호', 'ป้องกัน', 'حماية', 'להגן', 'सुरक्षित',
];

/** Names for the AI reader, for planted text that addresses it ("KI-Assistent: ..."). */
export const AI_NAME: readonly string[] = [
  '^ai$', '^ia$', '^ki$', 'chatbot', 'chatgpt', 'copilot', 'assistent', 'asistente', 'assistente', 'assistant', 'asistent', 'asystent', 'asszisztens', 'avustaja', 'asisten', 'asistan', 'tekoäly',
  'ассистент', 'асистент', '^ии$', '^ші$', 'βοηθός', 'yapay zeka', 'trợ lý', 'アシスタント', 'チャットボット', '人工知能', '助手', '助理', '人工智能', '어시스턴트', '챗봇', '인공지능', 'ผู้ช่วย',
  'مساعد', 'الذكاء الاصطناعي', 'עוזר', 'בינה מלאכותית', 'دستیار', 'एआई', 'सहायक', 'असिस्टेंट',
];

/**
 * Terms that are English words as well (or start them: "previo" / "previous").
 * A rule needs at least one other term: English text is the English rules'
 * job, which know its benign look-alikes.
 */
export const ENGLISH_SHARED: ReadonlySet<string> = new Set([
  'ignore', 'instruction', 'instruc', 'directive', 'prompt', 'original', 'previo', 'anterior', 'precedent', 'system prompt', 'systemprompt', 'system-prompt',
  'assistant', 'chatbot', 'chatgpt', 'copilot', '^gpt', '^ai$', '^send$', 'injection',
  'conversations', 'e-mails', 'emails', 'private', 'personale',
]);

/** Possessives that point at the assistant: your (instructions, system prompt). */
export const YOUR: readonly string[] = [
  '^tus$', '^tu$', '^sus$', '^tes$', '^tes$', '^vos$', '^ton$', '^ta$', '^votre$', '^deine', '^ihre$', '^dein$', '^tue$', '^tuoi$', '^tuo$', '^tua$', '^jouw$', '^je$', '^uw$', '^tale$', '^tău$',
  '^suas$', '^tuas$', '^teus$', '^seu$', '^sua$', '^seus$', '^dina$', '^dine$', '^din$', '^ditt$', '^dit$', '^sinun$', '^σου$', '^senin$', 'của bạn', 'milikmu', '^anda$', '^kamu$',
  '^твой$', '^твои', '^твоя$', '^твоё$', '^твое$', '^ваш', '^свой$', '^свои', '^твій$', '^твої', '^твоя$', '^twój$', '^twoje', '^twoich$', '^tvůj$', '^tvé$', '^tvoje$', '^vaše$', '^a te$', '^a ti$', '^mo$', '^swoje$', '^swoich$', '^yako$', '^zako$', '^lako$',
  'あなたの', '君の', 'お前の', '你的', '您的', '너의', '네 ', '당신의', 'ของคุณ', 'الخاص بك', 'الخاصة بك', 'شما', 'שלך', 'तुम्हारा', 'तुम्हारे', 'तुम्हारी', 'आपका', 'आपके', 'आपकी',
];

/** Asking what something is: what are / which are / what is. */
export const ASK_WHAT: readonly string[] = [
  'cuál es', 'cuáles son', 'cual es', 'cuales son', 'qual é', 'quais são', 'quel est', 'quelle est', 'quelles sont', 'quels sont', 'was ist', 'was sind', 'wie lautet', 'wie lauten', 'qual è', 'quali sono',
  'wat is', 'wat zijn', 'care este', 'care sunt', 'vad är', 'vilka är', 'hva er', 'hvilke er', 'hvad er', 'mikä on', 'mitkä ovat', 'что', 'какой', 'какие', 'каков', 'що ', 'який', 'які', 'jakie', 'jaki', 'jaká', 'jaké', 'jaký', 'co je',
  'ποιες είναι', 'ποιο είναι', 'ποιος είναι', 'mi a', 'mik a', 'melyek', 'nelerdir', 'nedir', ' là gì', 'gì', 'apa ', 'apakah', '^ano ang', 'ni nini', 'ni zipi',
  '何ですか', 'は何', '何を', 'どんな', '是什么', '是什麼', '什么', '什麼', '哪些', '무엇', '뭐야', '뭐예요', '뭔지', 'อะไร', '^ما هو', '^ما هي', '^ماذا', '^מה ', '^מהן', '^מהו', 'چیست', '^چه$', 'क्या',
];

/** Position words for what came before the user's message: above, preceding. */
export const ABOVE: readonly string[] = [
  'arriba', 'acima', 'ci-dessus', 'plus haut', '^oben', 'obige', 'sopra', 'hierboven', 'bovenstaande', '^ovan', 'ovanstående', 'ovenfor', 'ovenstående', 'yllä', 'ylläoleva', '^выше', '^вище', 'powyżej', 'powyższ',
  '^výše', 'παραπάνω', '^fent', 'fenti', 'yukarıda', 'yukarıdaki', 'ở trên', 'phía trên', 'di atas', '上記', '上の', '以上', '上面', '上述', '위의', '위에 있는', 'ข้างบน', 'ข้างต้น', 'ด้านบน', 'أعلاه', 'לעיל', 'ऊपर', '^بالا',
];

/** What is to be repeated: the text, the content, everything. */
export const TEXT: readonly string[] = [
  'texto', 'texte', '^text', 'testo', 'tekst', 'teksti', 'текст', 'κείμενο', 'szöveg', 'metin', '^metn', 'văn bản', '^teks', 'contenido', 'conteúdo', 'contenu', 'inhalt', 'contenuto', 'inhoud', 'innehåll', 'sisältö',
  'содержим', 'вміст', 'zawartoś', '^obsah', 'περιεχόμενο', 'tartalm', 'içeriğ', 'nội dung', '^todo$', '^tudo$', '^tout$', '^alles$', '^tutto$', '^allt$', '^всё$', '^все$', '^wszystko$', '^vše$', '^όλα$', 'mindent',
  'her şeyi', 'tất cả', 'semuanya', '内容', '文字', '全部', 'すべて', '全て', '文章', '내용', '모든 것', '전부', 'ข้อความ', 'ทั้งหมด', 'النص', 'المحتوى', 'كل شيء', 'הטקסט', 'התוכן', 'הכל', 'पाठ', 'सब कुछ', 'सामग्री', '^متن',
];

/**
 * Someone else as the actor: a user, someone, an attacker, the bot in the third
 * person. "How do I stop users making the bot ignore its previous instructions?"
 * is a question about an attack; an attack speaks to the assistant directly.
 */
export const THIRD_PARTY: readonly string[] = [
  'usuario', 'utilizador', 'usuário', 'utilisateur', 'nutzer', 'benutzer', 'utente', 'gebruiker', 'utilizator', 'användar', 'bruker', 'käyttäj', 'пользовател', 'користувач', 'użytkowni', 'uživatel',
  'χρήστ', 'felhasználó', 'kullanıcı', 'kullanici', 'người dùng', 'pengguna', 'ユーザー', '用户', '用戶', '使用者', '사용자', 'ผู้ใช้', 'المستخدم', 'משתמש', 'کاربر', 'उपयोगकर्ता', 'यूजर',
  'alguien', 'alguém', "quelqu'un", 'jemand', 'qualcuno', 'iemand', 'cineva', '^någon', '^noen$', '^nogen$', '^joku', 'кто-то', 'хтось', '^ktoś', '^někdo', 'κάποιος', '^valaki', '^biri$', 'ai đó', 'seseorang',
  '誰か', '有人', '누군가', 'ใครบางคน', 'شخص ما', 'מישהו', 'atacante', 'attaquant', 'angreifer', 'aggressore', 'aanvaller', 'злоумышленник', 'зловмисник', 'atakując', 'útočník', 'saldırgan', 'kẻ tấn công', 'penyerang',
  '攻撃者', '攻击者', '攻擊者', '공격자', 'מתקיף', 'हमलावर', '^bot', 'chatbot', '^модел', '^бот', 'ボット', 'モデル', '模型', '机器人', '機器人', '챗봇', '^modelo', '^modèle', '^modell', '^modello',
];

/**
 * What an exfiltration order takes away in bulk: the conversation, its history,
 * everyone's mail, the passwords (with SEND and OUTSIDE: user-channel rule).
 */
export const BULK_DATA: readonly string[] = [
  'historial', 'histórico', 'historique', 'verlauf', 'cronologia', 'geschiedenis', '^historia$', 'история', 'історі', 'geçmiş', 'lịch sử', 'riwayat',
  'conversaciones', 'conversación', 'conversas', 'conversations', 'conversazion', 'gespräche', 'unterhaltungen', 'gesprekken', 'rozmow', 'разговор', 'переписк', 'sohbet', 'konuşma',
  'correos', 'courriels', 'e-mails', 'emails', 'nachrichten', 'mensajes', 'mensagens', 'messaggi', 'berichten', 'wiadomości', 'сообщени', 'письма', 'mesajlar', 'e-postalar',
  'contraseñas', 'mots de passe', 'passwörter', 'kennwörter', 'senhas', 'wachtwoorden', 'hasła', 'пароли', 'şifreler',
];

/** Somewhere outside the tenant: an external, private or personal address. */
export const OUTSIDE: readonly string[] = [
  'externe', '^externa$', 'externo', 'externen', 'externes', 'esterno', 'esterna', 'zewnętrzn', 'внешн', 'зовнішн', 'harici',
  'privée', 'privé', 'privada', 'privado', 'private', '^privaten$', '^privat$', 'privato', 'privata', 'prywatn', 'личн', 'особист',
  'personnelle', 'persönlich', 'personale', 'persoonlijk', 'pessoal', 'osobist', 'kişisel',
];

/**
 * Asked word for word or in full: what turns a request to paraphrase or versify the assistant's rules
 * into extraction ("palabras exactas", "kata per kata", "harf harf", "dosłownie").
 */
export const VERBATIM: readonly string[] = [
  'palabra por palabra', 'texto exacto', 'palabras exactas', 'frases exactas', 'textualmente', 'literalmente', 'contenido completo', 'palabras originales',
  'palavra por palavra', 'palavras originais', 'palavras exatas', 'texto exato', 'frases exatas', 'conteúdo completo',
  'mot à mot', 'mot pour mot', 'phrases exactes', 'mots exacts', 'textuellement', 'texte exact', 'contenu complet', 'mots originaux',
  'wörtlich', 'wort für wort', 'genauen wortlaut', 'originalen wortlaut', 'vollständigen inhalt',
  'parola per parola', 'testualmente', 'parole esatte', 'frasi esatte', 'testo esatto', 'parole originali', 'contenuto completo',
  'woord voor woord', 'letterlijk', 'exacte tekst', 'exacte woorden', 'volledige inhoud',
  'dosłownie', 'słowo w słowo', 'zdanie po zdaniu', 'bez zmian w słowach', 'dokładne brzmienie', 'pełną treść',
  'kelimesi kelimesine', 'harf harf', 'aynen', 'birebir', 'tamamını', 'tamamini', 'eksiksiz', 'hiçbir şeyi atlamadan',
  'kata per kata', 'kata demi kata', 'kalimat asli', 'teks asli', 'isi lengkap', 'apa adanya', 'persis sama',
];

/**
 * A claimed grant in the scripts the regex rules cannot anchor (user-transfer-rules.ts reads the Latin ones):
 * "as the administrator", "an exception", "approved".
 */
export const GRANT: readonly string[] = [
  '管理者として', '管理者です', '例外', '承認済み', '承認されました', '許可されています', '作为管理员', '作為管理員', '我是管理员', '我是管理員', '例外情况', '批准了', '已批准', '已获批准',
  '관리자로서', '관리자입니다', '예외', '승인했', '승인되었', 'استثناء', 'بصفتي المسؤول', 'بصفتي مدير', 'بصفتي المدير', 'وافق على', 'تمت الموافقة',
  'как администратор', 'я администратор', 'исключени', 'одобрил', 'разрешил', 'як адміністратор', 'виняток', 'погодив', 'एडमिन के रूप में', 'व्यवस्थापक के रूप में', 'अपवाद', 'मंज़ूरी दे दी', 'מאושר', 'חריגה', 'כמנהל',
];
/** Turning one of the assistant's own controls off: disable, bypass, skip. */
export const BYPASS: readonly string[] = [
  '無効にして', '無効化して', '解除して', '回避して', 'スキップして', 'オフにして', '绕过', '繞過', '跳过', '跳過', '关闭', '關閉', '禁用', '停用',
  '우회', '건너뛰', '비활성화', '해제', 'تجاوز', 'تخطى', 'تخطي', 'تعطيل', 'عطّل', 'عطل',
  'обойди', 'обойти', 'пропусти', 'отключи', 'отключить', 'обійди', 'пропусти', 'вимкни', 'बायपास', 'बंद कर', 'अनदेखा कर', 'עקוף', 'תעקוף', 'השבת', 'תשבית', 'דלג',
];
/** The controls themselves: filters, restrictions, policy, approval, verification. */
export const CONTROL: readonly string[] = [
  'フィルター', 'フィルタ', '制限', 'ポリシー', '承認フロー', '確認手順', 'セキュリティ', '过滤', '過濾', '限制', '策略', '审批', '審批', '安全检查', '安全檢查', '验证', '驗證',
  '필터', '제한', '정책', '승인 절차', '보안', '인증', 'القيود', 'قيود', 'السياسة', 'سياسة', 'التحقق', 'الموافقة', 'الفلتر', 'المرشح', 'الحماية',
  'ограничени', 'фильтр', 'политик', 'проверк', 'обмежен', 'фільтр', 'перевірк', 'प्रतिबंध', 'फ़िल्टर', 'फिल्टर', 'नीति', 'सत्यापन', 'הגבלות', 'מסנן', 'מדיניות', 'אימות',
];
/** Asking how something is done: "how do I disable the filter as admin" asks for steps, it orders nothing. */
export const HOW_TO: readonly string[] = [
  '方法', 'どうやって', 'どのように', 'どうすれば', 'どこで', 'してもいい', 'しても良い', 'してもよろしい', '如何', '怎么', '怎麼', '怎样', '怎樣', '어떻게', '방법', 'كيف', 'طريقة',
  'как мне', 'как можно', 'как это', 'каким образом', 'як мені', 'як можна', 'कैसे', 'איך', 'כיצד',
];
