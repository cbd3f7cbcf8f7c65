/**
 * Resume code words in Portuguese (Portugal's spelling where Brazil's differs: "pónei", which
 * folding also accepts as "pônei"): 256 ordinary, concrete nouns (see ./index.ts).
 */
export const pt: readonly string[] = [
  "gato", "cão", "cavalo", "ovelha", "cabra", "coelho", "rato", "urso", "raposa", "leão", "tigre", "elefante",
  "girafa", "zebra", "camelo", "pato", "ganso", "tartaruga", "galo", "coruja", "águia", "cisne", "papagaio",
  "pombo", "pardal", "pinguim", "golfinho", "baleia", "peixe", "sapo", "caracol", "abelha", "formiga",
  "polvo", "esquilo", "ouriço", "canguru", "panda", "lagarto", "pavão", "avestruz", "castor", "lontra",
  "foca", "cegonha", "cordeiro", "joaninha", "pássaro", "tubarão", "flamingo", "leopardo", "hamster", "pónei",
  "camarão", "maçã", "pera", "ameixa", "cereja", "uva", "limão", "laranja", "banana", "pêssego", "damasco",
  "melão", "melancia", "morango", "ananás", "manga", "figo", "tâmara", "azeitona", "noz", "amêndoa",
  "castanha", "borboleta", "cenoura", "batata", "tomate", "cebola", "alho", "couve", "pepino", "pimento",
  "abóbora", "feijão", "ervilha", "milho", "arroz", "pão", "queijo", "leite", "açúcar", "sal", "sopa", "bolo",
  "café", "alface", "canela", "avelã", "romã", "iogurte", "farinha", "hortelã", "sol", "lua", "estrela",
  "céu", "nuvem", "chuva", "neve", "vento", "rio", "lago", "mar", "ilha", "praia", "areia", "pedra", "colina",
  "vale", "bosque", "campo", "prado", "árvore", "flor", "folha", "rosa", "tulipa", "lírio", "bétula", "cacto",
  "pérola", "ouro", "prata", "cobre", "cristal", "gelo", "onda", "caverna", "deserto", "vulcão", "cascata",
  "trilho", "estrada", "ponte", "jardim", "quinta", "moinho", "fonte", "torre", "castelo", "casa", "escola",
  "mercado", "aldeia", "rua", "museu", "teatro", "cozinha", "varanda", "planeta", "semente", "raiz", "ramo",
  "trovão", "outono", "inverno", "verão", "janela", "porta", "telhado", "parede", "cerca", "chaminé", "sino",
  "relógio", "espelho", "lâmpada", "vela", "mesa", "cadeira", "sofá", "tapete", "cortina", "toalha", "sabão",
  "escova", "pente", "botão", "agulha", "bola", "boneca", "tambor", "violino", "piano", "flauta", "livro",
  "caderno", "papel", "carta", "selo", "bilhete", "mapa", "moeda", "chapéu", "camisa", "vestido", "meia",
  "sapato", "luva", "escada", "balde", "roda", "carro", "navio", "barco", "avião", "trator", "balão", "rádio",
  "íman", "âncora", "coroa", "forno", "prato", "tigela", "colher", "garfo", "panela", "frasco", "cesto",
  "caixa", "chave", "tijolo", "xadrez", "farol", "túnel", "ninho", "pena", "dragão", "robô", "banco",
  "baloiço", "trenó", "circo", "apito", "harpa", "fita", "avental", "chinelo", "vaso", "armário", "iate",
  "mala", "esponja",
];
