/**
 * The words resume codes are made of: 256 ordinary, concrete English nouns that are easy to
 * say, spell and remember. Four of them give about 4.3 billion codes, and every code also needs
 * its PIN, with wrong PINs limited, so a code cannot be guessed.
 */
export const RESUME_WORDS: readonly string[] = [
  "apple", "arrow", "badge", "baker", "balloon", "banana", "basket", "beach", "bear", "bell",
  "berry", "bicycle", "bird", "biscuit", "blanket", "boat", "bone", "book", "boot", "bottle",
  "bowl", "box", "bread", "brick", "bridge", "brush", "bucket", "butter", "button", "cabin",
  "cake", "camel", "camera", "candle", "canoe", "carpet", "carrot", "castle", "cat", "chair",
  "cheese", "cherry", "chess", "chicken", "circle", "clock", "cloud", "coat", "coffee", "coin",
  "comet", "cookie", "copper", "corn", "cotton", "cow", "crab", "crane", "crown", "cup", "curtain",
  "daisy", "desk", "diamond", "dinner", "dog", "dolphin", "donkey", "door", "dragon", "drum",
  "duck", "eagle", "egg", "elbow", "engine", "feather", "fence", "field", "finger", "fish", "flag",
  "flower", "flute", "forest", "fork", "fox", "frog", "garden", "gate", "giraffe", "glass",
  "glove", "goat", "grape", "grass", "guitar", "hammer", "harbour", "hat", "hill", "honey",
  "horse", "house", "island", "jacket", "jelly", "jigsaw", "kettle", "key", "kite", "kitten",
  "ladder", "lake", "lamp", "leaf", "lemon", "letter", "lion", "lizard", "lock", "lorry", "magnet",
  "mango", "maple", "market", "meadow", "melon", "mirror", "monkey", "moon", "mountain", "mouse",
  "mug", "nest", "needle", "night", "ocean", "olive", "onion", "orange", "otter", "owl", "paint",
  "panda", "paper", "parrot", "peach", "pear", "pebble", "pencil", "penguin", "pepper", "piano",
  "pillow", "pilot", "planet", "plate", "plum", "pocket", "pony", "potato", "pumpkin", "puzzle",
  "rabbit", "radio", "rain", "river", "road", "robin", "rocket", "roof", "rose", "saddle", "sail",
  "salad", "sand", "scarf", "school", "seal", "shell", "ship", "shoe", "silver", "sink", "skate",
  "sky", "snail", "snow", "sock", "sofa", "spoon", "square", "squirrel", "stamp", "star",
  "station", "stone", "storm", "sugar", "summer", "sun", "swan", "table", "teapot", "tent",
  "ticket", "tiger", "toast", "tomato", "tower", "tractor", "train", "tree", "trumpet", "tulip",
  "tunnel", "turtle", "umbrella", "valley", "van", "violin", "wagon", "wall", "walnut", "whale",
  "wheel", "window", "winter", "wolf", "wood", "yacht", "zebra", "anchor", "acorn", "almond",
  "bamboo", "barrel", "beetle", "blossom", "bubble", "cactus", "canal", "cedar", "chalk", "cliff",
  "clover", "cobweb", "coral", "cricket", "daffodil", "dune", "ferry", "fig", "frost", "glacier",
];
