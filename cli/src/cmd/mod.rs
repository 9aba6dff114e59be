pub mod demo;
pub mod inspect;
pub mod keygen;
pub mod normalize;
pub mod screen;
pub mod sign;
pub mod trust;
pub mod verify;
